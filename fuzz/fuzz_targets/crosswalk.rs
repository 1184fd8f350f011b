//! Fuzz target: the input as a file of the `crosswalk` kind, handed to its parser (`samdscan::fuzzing::parse_as`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::parse_as("crosswalk", data);
});
