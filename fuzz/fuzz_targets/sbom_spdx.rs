//! Fuzz target: the input as one repository file of the `sbom_spdx` kind (see `samdscan::fuzzing`).
#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    samdscan::fuzzing::extract_as("sbom_spdx", data);
});
