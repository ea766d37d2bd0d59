//! The real binary, run over every case under tests/cmd and every example in README.md; the JSON
//! documents README calls stable are in tests/cmd/json, whole.

#[test]
fn cli_cases() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        // English, whatever the caller's locale.
        .env("LC_ALL", "C")
        // A caller's own content must not change what the guide shows.
        .env("WEIZHONG_CONTENT", "")
        .env("XDG_CONFIG_HOME", "/nonexistent/weizhong-tests")
        .env("XDG_DATA_HOME", "/nonexistent/weizhong-tests")
        .case("tests/cmd/*.trycmd")
        .case("tests/cmd/json/*.toml")
        .case("tests/cmd/*.toml")
        .case("README.md");
}
