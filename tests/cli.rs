//! The real binary, run over every case under tests/cmd and every example in README.md.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .case("tests/cmd/*.trycmd")
        .case("README.md");
}
