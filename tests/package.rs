//! The Debian package and the release archive as a user gets them: `bash packaging/build` makes
//! both, `dpkg-deb -x` unpacks the package into a folder standing for `/`, and every file is
//! where Debian looks for it and works there.
//!
//! That test builds the release binary and, on a machine without cargo-deb, installs it: minutes,
//! not seconds. So it is left out of a plain `cargo test`; `.ci/run` runs it with
//! `cargo test --test package -- --ignored`. The check that README.md's Install names this
//! version's files is quick and always runs.

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{folder, text};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Every file of the package, and nothing else.
const PACKAGE_FILES: [&str; 7] = [
    "usr/bin/weizhong",
    "usr/share/bash-completion/completions/weizhong",
    "usr/share/doc/weizhong/README.md",
    "usr/share/doc/weizhong/copyright",
    "usr/share/fish/vendor_completions.d/weizhong.fish",
    "usr/share/man/man1/weizhong.1.gz",
    "usr/share/zsh/vendor-completions/_weizhong",
];

/// Every file of the release archive's folder, and nothing else.
const ARCHIVE_FILES: [&str; 7] = [
    "LICENSE",
    "README.md",
    "complete/_weizhong",
    "complete/weizhong.bash",
    "complete/weizhong.fish",
    "weizhong",
    "weizhong.1",
];

#[test]
#[ignore = "builds the release binary and may install cargo-deb; .ci/run runs it"]
fn the_debian_package_installs_a_working_weizhong() {
    for tool in ["dpkg-deb", "man", "bash"] {
        if !found(tool) {
            // Straight to stderr, past the test harness's capture, so that a skip is never silent.
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED the_debian_package_installs_a_working_weizhong: {tool} is not installed"
            );
            return;
        }
    }
    let crate_root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // A content folder of the builder's own must not find its way into the completions.
    let built = Command::new("bash")
        .arg("packaging/build")
        .current_dir(crate_root)
        .env(
            "WEIZHONG_CONTENT",
            crate_root.join("tests/fixtures/content"),
        )
        .status()
        .expect("bash runs packaging/build");
    assert!(built.success(), "packaging/build failed: {built}");
    let dist = crate_root.join("target/dist");

    let deb = dist.join(format!("weizhong_{VERSION}_{}.deb", debian_arch()));
    assert!(deb.is_file(), "no {}", deb.display());
    let field = |name: &str| text(&run(Command::new("dpkg-deb").arg("-f").arg(&deb).arg(name)));
    assert_eq!(field("Package"), "weizhong\n");
    assert_eq!(field("Version"), format!("{VERSION}\n"));
    assert_eq!(field("Recommends"), "espeak-ng, libnotify-bin\n");

    let root = folder("package-root");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    let expected: BTreeSet<PathBuf> = PACKAGE_FILES.iter().map(PathBuf::from).collect();
    assert_eq!(files_under(&root), expected);

    // The binary runs and is the version Cargo.toml names.
    let version = run(Command::new(root.join("usr/bin/weizhong")).arg("--version"));
    assert_eq!(text(&version), format!("weizhong {VERSION}\n"));

    // The man page renders, with a section for each command.
    let page = run(Command::new("man")
        .arg("-l")
        .arg(root.join("usr/share/man/man1/weizhong.1.gz"))
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80"));
    let page = text(&page);
    for heading in ["NAME", "SYNOPSIS", "WEIZHONG ROUTINE", "WEIZHONG STRETCH"] {
        assert!(
            page.contains(heading),
            "the man page lacks {heading}:\n{page}"
        );
    }

    // bash loads the completion and completes a stretch's name.
    let completion = root.join("usr/share/bash-completion/completions/weizhong");
    assert_eq!(
        bash_completes(&completion, "weizhong stretch b"),
        ["butterfly"]
    );
    // The builder's own stretch (the fixture's calf stretch) is not named: the package's
    // completions are the same for everyone.
    let bash = std::fs::read_to_string(&completion).unwrap();
    assert!(bash.contains("spiral-twist butterfly horizontal"), "{bash}");
    assert!(
        !bash.contains("calf"),
        "the builder's content is in the package"
    );

    let read = |path: &str| std::fs::read_to_string(root.join(path)).unwrap();
    let zsh = read("usr/share/zsh/vendor-completions/_weizhong");
    assert!(zsh.starts_with("#compdef weizhong\n"), "{zsh}");
    let fish = read("usr/share/fish/vendor_completions.d/weizhong.fish");
    assert!(fish.contains("complete -c weizhong "), "{fish}");

    let copyright = read("usr/share/doc/weizhong/copyright");
    let license = std::fs::read_to_string(crate_root.join("LICENSE")).unwrap();
    assert!(copyright.contains("License: MIT\n"), "{copyright}");
    assert!(copyright.ends_with(&license), "{copyright}");
    let readme = std::fs::read(root.join("usr/share/doc/weizhong/README.md")).unwrap();
    assert_eq!(readme, std::fs::read(crate_root.join("README.md")).unwrap());

    // The release archive holds the same files in one folder.
    let name = format!("weizhong-{VERSION}-{}", host_triple());
    let archive = dist.join(format!("{name}.tar.gz"));
    let unpacked = folder("archive-root");
    run(Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&unpacked));
    let expected: BTreeSet<PathBuf> = ARCHIVE_FILES.iter().map(PathBuf::from).collect();
    assert_eq!(files_under(&unpacked.join(&name)), expected);
    for (in_archive, in_package) in [
        ("weizhong", "usr/bin/weizhong"),
        (
            "complete/weizhong.bash",
            "usr/share/bash-completion/completions/weizhong",
        ),
        (
            "complete/_weizhong",
            "usr/share/zsh/vendor-completions/_weizhong",
        ),
        (
            "complete/weizhong.fish",
            "usr/share/fish/vendor_completions.d/weizhong.fish",
        ),
        ("README.md", "usr/share/doc/weizhong/README.md"),
    ] {
        let a = std::fs::read(unpacked.join(&name).join(in_archive)).unwrap();
        let p = std::fs::read(root.join(in_package)).unwrap();
        assert!(
            a == p,
            "{in_archive} differs from the package's {in_package}"
        );
    }
    let roff = run(Command::new("gzip")
        .arg("-dc")
        .arg(root.join("usr/share/man/man1/weizhong.1.gz")));
    assert!(roff == std::fs::read(unpacked.join(&name).join("weizhong.1")).unwrap());
}

/// A version bump must not leave README.md's install lines naming the last release's files.
#[test]
fn the_readme_installs_the_version_in_cargo_toml() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (before, after) in [
        ("weizhong_", "_amd64.deb"),
        ("weizhong-", "-x86_64-unknown-linux-gnu"),
    ] {
        let named = versions_between(&readme, before, after);
        assert!(
            !named.is_empty(),
            "README.md names no {before}VERSION{after}"
        );
        for version in named {
            assert_eq!(version, VERSION, "README.md names {before}{version}{after}");
        }
    }
}

/// Each version (digits and dots) that `text` names between `before` and `after`.
fn versions_between<'a>(text: &'a str, before: &str, after: &str) -> Vec<&'a str> {
    text.match_indices(before)
        .filter_map(|(at, _)| {
            let rest = &text[at + before.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_digit() || c == '.'))
                .unwrap_or(rest.len());
            (end > 0 && rest[end..].starts_with(after)).then(|| &rest[..end])
        })
        .collect()
}

/// The words bash's completion offers for `line`, the way bash asks when Tab is pressed after
/// it: the function registered for `weizhong`, given the command, the word and the one before.
fn bash_completes(script: &Path, line: &str) -> Vec<String> {
    let words: Vec<&str> = line.split(' ').collect();
    let [.., prev, cur] = words[..] else {
        panic!("{line} has fewer than two words")
    };
    let program = format!(
        r#"source "$1" || exit 1
spec=$(complete -p weizhong) || exit 1
function=${{spec##*-F }}; function=${{function%% *}}
COMP_WORDS=({line}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}
"$function" weizhong '{cur}' '{prev}'
printf '%s\n' "${{COMPREPLY[@]}}""#,
        cword = words.len() - 1,
    );
    let out = run(Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program, "bash"])
        .arg(script));
    text(&out).lines().map(str::to_owned).collect()
}

/// Runs a command to its end; its stdout, after checking that it succeeded with nothing on
/// stderr.
fn run(command: &mut Command) -> Vec<u8> {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?}: {e}"));
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{command:?}: {}\n{}",
        out.status,
        text(&out.stderr)
    );
    out.stdout
}

/// The files under `dir`, as paths relative to it.
fn files_under(dir: &Path) -> BTreeSet<PathBuf> {
    let mut files = BTreeSet::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    files
}

fn found(tool: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(tool).is_file()))
}

/// Debian's name for this machine's architecture, as cargo-deb names the package.
fn debian_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "amd64",
        "aarch64" => "arm64",
        "x86" => "i386",
        other => other,
    }
}

/// The target the release binary was built for: the host's, as packaging/build names the archive.
fn host_triple() -> String {
    let out = text(&run(Command::new("rustc").arg("-vV")));
    out.lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_owned()
}
