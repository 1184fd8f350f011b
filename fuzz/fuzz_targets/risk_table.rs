//! Fuzz target: the input as one repository file of the `risk_table` kind (see `samdscan::fuzzing`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::extract_as("risk_table", data);
});
