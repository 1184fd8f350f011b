//! Fuzz target: a tiny repository made from the input (a config and one file of each kind), its
//! evidence, and every built-in policy evaluated over it (see `samdscan::fuzzing::pipeline`).
#![no_main]
use std::sync::LazyLock;

static POLICIES: LazyLock<samdscan::policy::PolicySet> =
    LazyLock::new(|| samdscan::policy::PolicySet::builtin().expect("built-in policies load"));

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::pipeline(data, &POLICIES);
});
