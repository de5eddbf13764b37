#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| kette_fuzzing::run(kette_fuzzing::Target::GeoJson, data));
