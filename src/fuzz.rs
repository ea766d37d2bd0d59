//! Property tests that feed the content loader and the pages arbitrary text: whatever a user's
//! file holds, loading it gives an item or an error with a place, and showing it never panics.
//! `PROPTEST_CASES=100000 cargo test fuzz` runs them longer.

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::content::{FOLDERS, Library, Source, UserFiles};
use crate::page::{self, guide};
use crate::plan::{Plan, StretchPlan};
use crate::render::{markdown, text, wrap};
use crate::words::{EN, Lang};

/// Keys of every schema, and some that are not.
const KEYS: &[&str] = &[
    "order",
    "name",
    "aliases",
    "targets",
    "why",
    "steps",
    "hold_seconds",
    "reps",
    "each_side",
    "rest_seconds",
    "get_ready_seconds",
    "cues",
    "cautions",
    "sources",
    "summary",
    "in_the_body",
    "helps",
    "not_when",
    "evidence",
    "duration",
    "safety",
    "intro",
    "stretches",
    "closing",
    "id",
    "origin",
    "x",
];

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (0u32..5000).prop_map(|n| n.to_string()),
        any::<bool>().prop_map(|b| b.to_string()),
        any::<String>().prop_map(|s| format!("{s:?}")),
        "[a-z`\\- 委中·\u{300}\u{200b}\t]{0,300}".prop_map(|s| format!("{s:?}")),
        prop::collection::vec(any::<String>(), 0..5).prop_map(|v| format!("{v:?}")),
        prop::collection::vec("[a-z -]{0,12}", 0..5).prop_map(|v| format!("{v:?}")),
        Just("[".to_owned()),
        Just("{ a = 1 }".to_owned()),
        Just("1979-05-27T07:32:00Z".to_owned()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => (prop::sample::select(KEYS), value()).prop_map(|(k, v)| format!("{k} = {v}")),
        1 => Just("[[groups]]".to_owned()),
        1 => Just("[steps]".to_owned()),
        1 => any::<String>(),
    ]
}

/// A whole file made of plausible lines, often close to a valid stretch.
fn file() -> impl Strategy<Value = String> {
    let valid = include_str!("../tests/fixtures/content/stretches/calf.toml");
    prop_oneof![
        prop::collection::vec(line(), 0..40).prop_map(|lines| lines.join("\n")),
        (
            prop::collection::vec(line(), 0..4),
            any::<prop::sample::Index>()
        )
            .prop_map(move |(extra, at)| {
                let mut lines: Vec<String> = valid.lines().map(String::from).collect();
                let at = at.index(lines.len() + 1);
                for l in extra {
                    lines.insert(at.min(lines.len()), l);
                }
                lines.join("\n")
            }),
        any::<String>(),
    ]
}

/// Loads `text` as a user's file of every kind, through the real loader, and shows every page
/// at `width`. Each file either becomes an item or is skipped with one warning naming it, and no
/// line of a page is wider than `width`.
fn load_and_show(text: &str, width: usize) -> Result<(), TestCaseError> {
    let dir = std::env::temp_dir().join(format!(
        "weizhong-fuzz-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    for folder in FOLDERS {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::write(dir.join(folder).join("fuzz.toml"), text).unwrap();
    }
    let library = Library::new(
        Lang::En,
        UserFiles {
            roots: vec![dir.clone()],
            files: Vec::new(),
        },
    );
    let stretches = library.stretches().unwrap();
    let routines = library.routines(&stretches).unwrap();
    let causes = library.causes().unwrap();
    let relief = library.relief().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let warnings = library.take_warnings();
    let loaded = [
        ("causes", causes.iter().any(|i| i.id == "fuzz")),
        ("stretches", stretches.iter().any(|i| i.id == "fuzz")),
        ("relief", relief.iter().any(|i| i.id == "fuzz")),
        ("routines", routines.iter().any(|i| i.id == "fuzz")),
    ];
    for (folder, loaded) in loaded {
        let path = dir.join(folder).join("fuzz.toml").display().to_string();
        let warned = warnings.iter().filter(|w| w.path == path).count();
        prop_assert_eq!(
            usize::from(!loaded),
            warned,
            "{}: loaded {}, {} warnings",
            folder,
            loaded,
            warned
        );
    }
    let w = &EN;
    let plans: Vec<StretchPlan> = stretches.iter().map(StretchPlan::new).collect();
    let mut docs = vec![
        guide::stretches(w, &plans),
        guide::causes(w, &causes),
        guide::reliefs(w, &relief),
    ];
    docs.extend(plans.iter().map(|p| guide::stretch(w, p)));
    for routine in &routines {
        docs.push(page::routine::sheet(
            w,
            &Plan::routine(routine, &stretches),
            "-",
        ));
    }
    for doc in &docs {
        let _ = markdown::render(doc);
        let shown = text::render(doc, width, false);
        for line in shown.lines() {
            prop_assert!(
                wrap::width(line) <= width,
                "{:?} is wider than {}",
                line,
                width
            );
        }
    }
    Ok(())
}

proptest! {
    // Each case writes four files and draws every page: a few dozen keep `cargo test` quick;
    // `PROPTEST_CASES=100000 cargo test fuzz` runs many more.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn fuzz_any_text_becomes_an_item_or_one_warning(text in file(), width in 20usize..200) {
        load_and_show(&text, width)?;
    }

    #[test]
    fn fuzz_any_bytes_read_from_disk_become_an_item_or_one_warning(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
    ) {
        let dir = std::env::temp_dir().join(format!("weizhong-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("stretch.toml");
        std::fs::write(&path, &bytes).unwrap();
        let read = Source::read(&path, &EN);
        let _ = std::fs::remove_dir_all(&dir);
        match read {
            Ok(src) => load_and_show(&src.text, 80)?,
            Err(e) => prop_assert_eq!(e.message.as_str(), EN.file_not_utf8),
        }
    }
}
