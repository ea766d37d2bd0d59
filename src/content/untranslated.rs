// Included by src/content/mod.rs and by build.rs, which lays each Chinese file over these fields
// of its English one.

/// Fields that only the English files hold: numbers and ids are the same in every language.
pub const UNTRANSLATED: [&str; 7] = [
    "order",
    "hold_seconds",
    "reps",
    "each_side",
    "rest_seconds",
    "get_ready_seconds",
    "stretches",
];
