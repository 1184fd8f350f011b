//! Fuzz target: the input as `.samdscan.yaml`.
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::config(data);
});
