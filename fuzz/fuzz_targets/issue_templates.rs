//! Fuzz target: the input as one repository file of the `issue_templates` kind (see `samdscan::fuzzing`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::extract_as("issue_templates", data);
});
