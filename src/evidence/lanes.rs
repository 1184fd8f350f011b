//! Where the extractors run: most in turn on the scan's thread, and those that say so
//! ([`Extractor::own_thread`], the history walk) on a thread of their own beside them, so that
//! a scan uses a second core. A `git2::Repository` cannot be shared between threads, so such an
//! extractor gets a second handle on the repository and the source detached for it
//! ([`DetachedSource`](super::source::DetachedSource)), with a context of its own; its
//! diagnostics join the scan's, which are sorted and deduplicated, and its commit records (see
//! [`Context::keep_commits`]) are kept by the scan's context, so the document is the same
//! whichever thread made each part.

use super::git_view::GitView;
use super::{Context, Extractor};
use serde_json::Value;

/// Each extractor's value, in the order of `extractors`. Those that run on a thread of their own
/// ([`Extractor::own_thread`]) do, with a second handle on the repository and the source
/// detached for it, while this thread runs the others; where that cannot be (no git, a source
/// that cannot be detached, a repository that cannot be reopened) they run here, in turn.
pub(super) fn run(
    extractors: &[Box<dyn Extractor>],
    ctx: &Context,
    git: Option<&GitView>,
) -> Vec<Value> {
    std::thread::scope(|scope| {
        let mut threads = Vec::new();
        for (i, x) in extractors
            .iter()
            .enumerate()
            .filter(|(_, x)| x.own_thread())
        {
            let (Some(source), Some(view)) =
                (ctx.source.detach(), git.and_then(|g| g.reopen().ok()))
            else {
                continue;
            };
            let parts = ctx.parts();
            let thread = scope.spawn(move || {
                let source = source.attach(&view);
                let own = parts.context(source.as_ref(), Some(&view));
                (x.collect(&own), own.take_diagnostics(), own.take_commits())
            });
            threads.push((i, thread));
        }
        let mut values: Vec<Option<Value>> = extractors
            .iter()
            .enumerate()
            .map(|(i, x)| (!threads.iter().any(|(t, _)| *t == i)).then(|| x.collect(ctx)))
            .collect();
        for (i, thread) in threads {
            let (value, diagnostics, commits) = thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            values[i] = Some(value);
            ctx.absorb(diagnostics);
            if let Some(commits) = commits {
                ctx.keep_commits(commits);
            }
        }
        values.into_iter().flatten().collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{ConfigChoice, load_config};
    use crate::date::Date;
    use crate::evidence::history::HistoryExtractor;
    use crate::evidence::source::{GitTreeSource, RepoSource, WorkTreeSource};
    use crate::evidence::{RepositoryFacts, known_kinds, registry};
    use git2::{Repository, Signature};
    use std::path::Path;

    /// A repository of three commits, the last tagged `v1.0.0` with an SBOM that does not parse
    /// (so the history's release part makes a diagnostic).
    fn repository() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        let sig = Signature::now("t", "t@example.com").unwrap();
        let mut parent = None;
        for (path, text) in [
            (".samdscan.yaml", "product:\n  name: P\n"),
            ("src/a.py", "a = 1\n"),
            ("sbom.cdx.json", "{"),
        ] {
            std::fs::create_dir_all(dir.path().join(path).parent().unwrap()).unwrap();
            std::fs::write(dir.path().join(path), text).unwrap();
            let mut index = repo.index().unwrap();
            index.add_path(Path::new(path)).unwrap();
            index.write().unwrap();
            let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
            let parents: Vec<git2::Commit<'_>> = parent
                .iter()
                .map(|p| repo.find_commit(*p).unwrap())
                .collect();
            let refs: Vec<&git2::Commit<'_>> = parents.iter().collect();
            parent = Some(
                repo.commit(
                    Some("HEAD"),
                    &sig,
                    &sig,
                    &format!("Add {path} (CR-1)"),
                    &tree,
                    &refs,
                )
                .unwrap(),
            );
        }
        let tagged = repo.find_object(parent.unwrap(), None).unwrap();
        repo.tag_lightweight("v1.0.0", &tagged, false).unwrap();
        dir
    }

    /// The history record, the diagnostics and the commit records, made on its own thread and
    /// made in turn.
    fn both_ways(
        source: &dyn RepoSource,
        view: &GitView,
        facts: &RepositoryFacts,
        root: &Path,
    ) -> [(Value, Vec<crate::evidence::Diagnostic>, Option<Vec<Value>>); 2] {
        let config = load_config(root, &ConfigChoice::Discover, &known_kinds()).unwrap();
        let kinds: Vec<_> = registry().iter().flat_map(|x| x.kinds()).copied().collect();
        let kinds: Vec<_> = kinds.iter().collect();
        let as_of = Date::parse("2026-10-01").unwrap();
        let extractors: Vec<Box<dyn Extractor>> = vec![Box::new(HistoryExtractor)];
        let ctx = Context::new(source, &config, Some(view), facts, as_of, &kinds);
        let threaded = run(&extractors, &ctx, Some(view)).remove(0);
        let commits = |ctx: &Context| ctx.take_commits().map(|c| c.values().collect());
        let threaded = (threaded, ctx.take_diagnostics(), commits(&ctx));
        let ctx = Context::new(source, &config, Some(view), facts, as_of, &kinds);
        let history = HistoryExtractor.collect(&ctx);
        let in_turn = (history, ctx.take_diagnostics(), commits(&ctx));
        [threaded, in_turn]
    }

    #[test]
    fn the_history_made_on_its_own_thread_is_the_history_made_in_turn() {
        let dir = repository();
        let view = GitView::new(Repository::open(dir.path()).unwrap(), "");
        let head = view.head().unwrap().target().unwrap();
        let facts = RepositoryFacts {
            is_git: true,
            head: Some(head.to_string()),
            ..Default::default()
        };
        // The working tree, and (as a --rev or --base scan reads it) the commit's tree.
        let work_tree = WorkTreeSource::open(dir.path(), Some(&view)).unwrap();
        let [threaded, in_turn] = both_ways(&work_tree, &view, &facts, dir.path());
        assert_eq!(threaded, in_turn);
        assert_eq!(threaded.0["available"], true, "{}", threaded.0);
        assert_eq!(
            threaded.2.as_ref().map(Vec::len),
            Some(3),
            "the commits are kept"
        );
        assert!(
            threaded
                .1
                .iter()
                .any(|d| d.message.contains("does not parse")),
            "the history's diagnostics are kept: {:?}",
            threaded.1
        );

        let tree = view.find_commit(head).unwrap().tree_id();
        let revision = GitTreeSource::open(&view, tree).unwrap();
        let facts = RepositoryFacts {
            revision: Some(head.to_string()),
            ..facts
        };
        let [threaded, in_turn] = both_ways(&revision, &view, &facts, dir.path());
        assert_eq!(threaded, in_turn);
        assert_eq!(threaded.0["latest_release"], in_turn.0["latest_release"]);
        assert_eq!(threaded.0["tags"][0]["name"], "v1.0.0");
    }
}
