//! Finding an item by the name a user typed: id, alias or name, any case, or a unique prefix.

use super::model::{Kind, Named, normalise};

/// Why a name found nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Nothing matches; the closest id, if one is close, and every id.
    Unknown {
        kind: Kind,
        name: String,
        suggestion: Option<String>,
        ids: Vec<String>,
    },
    /// The name is the start of several items' names.
    Ambiguous {
        kind: Kind,
        name: String,
        matches: Vec<String>,
    },
}

/// The one item `name` means: a whole spelling of it, else the number it is shown with, else
/// the start of either.
pub fn find<'a, T: Named>(items: &'a [T], name: &str) -> Result<&'a T, Lookup> {
    let wanted = normalise(name);
    if !wanted.is_empty() {
        if let Some(item) = items.iter().find(|i| i.keys().contains(&wanted)) {
            return Ok(item);
        }
        let number = |i: &T| i.number().map(|n| normalise(&n));
        // Numbers are not names: a user's items may share one.
        let numbered: Vec<&T> = items
            .iter()
            .filter(|i| number(i).as_ref() == Some(&wanted))
            .collect();
        let starts: Vec<&T> = items
            .iter()
            .filter(|i| {
                i.keys().iter().any(|k| k.starts_with(&wanted))
                    || number(i).is_some_and(|n| n.starts_with(&wanted))
            })
            .collect();
        let found = if numbered.is_empty() {
            starts
        } else {
            numbered
        };
        match found.as_slice() {
            [one] => return Ok(one),
            [] => {}
            many => {
                return Err(Lookup::Ambiguous {
                    kind: T::KIND,
                    name: name.to_owned(),
                    matches: many.iter().map(|i| i.id().to_owned()).collect(),
                });
            }
        }
    }
    Err(Lookup::Unknown {
        kind: T::KIND,
        name: name.to_owned(),
        suggestion: closest(items, &wanted),
        ids: items.iter().map(|i| i.id().to_owned()).collect(),
    })
}

/// The id of the item with a spelling closest to `wanted`, if it is close enough to be a typo.
fn closest<T: Named>(items: &[T], wanted: &str) -> Option<String> {
    if wanted.is_empty() {
        return None;
    }
    items
        .iter()
        .flat_map(|i| i.keys().into_iter().map(move |k| (i.id(), k)))
        .map(|(id, key)| (strsim::jaro_winkler(wanted, &key), id))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Library, Origin};

    fn stretch(name: &str) -> Result<String, Lookup> {
        let stretches = Library::builtin().stretches().unwrap();
        find(&stretches, name).map(|s| s.id.clone())
    }

    #[test]
    fn ids_aliases_names_and_prefixes_match_in_any_case() {
        for (typed, id) in [
            ("spiral", "spiral-twist"),
            ("twist", "spiral-twist"),
            ("Spiral Twist", "spiral-twist"),
            ("Butterfly", "butterfly"),
            ("butterfly-stretch", "butterfly"),
            ("BUTTERFLY_STRETCH", "butterfly"),
            ("butt", "butterfly"),
            ("hor", "horizontal"),
            ("  horizontal  ", "horizontal"),
        ] {
            assert_eq!(stretch(typed), Ok(id.to_owned()), "{typed}");
        }
    }

    #[test]
    fn a_cause_matches_by_its_first_word() {
        let causes = Library::builtin().causes().unwrap();
        assert_eq!(find(&causes, "calcium").unwrap().id, "calcium-deficiency");
    }

    #[test]
    fn a_stretch_or_a_cause_is_found_by_its_number() {
        for (typed, id) in [
            ("1", "spiral-twist"),
            ("2", "butterfly"),
            (" 3 ", "horizontal"),
        ] {
            assert_eq!(stretch(typed), Ok(id.to_owned()), "{typed}");
        }
        assert!(matches!(stretch("4"), Err(Lookup::Unknown { .. })));
        let causes = Library::builtin().causes().unwrap();
        let cause = |typed| find(&causes, typed).map(|c| c.id.as_str());
        assert_eq!(cause("1.1"), Ok("fasciitis"));
        assert_eq!(cause("1.2a"), Ok("trauma"));
        assert_eq!(cause("1.2B"), Ok("calcium-deficiency"));
        assert_eq!(
            cause("1.2").err(),
            Some(Lookup::Ambiguous {
                kind: Kind::Cause,
                name: "1.2".into(),
                matches: vec!["trauma".into(), "calcium-deficiency".into()],
            })
        );
    }

    #[test]
    fn a_number_two_items_share_is_ambiguous() {
        let library = Library::new(
            crate::words::Lang::En,
            crate::content::UserFiles {
                roots: vec!["tests/fixtures/content".into()],
                files: Vec::new(),
            },
        );
        let mut stretches = library.stretches().unwrap();
        stretches[3].order = 2;
        assert!(matches!(
            find(&stretches, "2"),
            Err(Lookup::Ambiguous { matches, .. }) if matches == ["butterfly", "calf"]
        ));
    }

    #[test]
    fn a_typo_suggests_the_closest_id() {
        let Err(Lookup::Unknown {
            suggestion, ids, ..
        }) = stretch("buterfly")
        else {
            panic!("buterfly should not match");
        };
        assert_eq!(suggestion.as_deref(), Some("butterfly"));
        assert_eq!(ids, ["spiral-twist", "butterfly", "horizontal"]);
    }

    #[test]
    fn nonsense_suggests_nothing() {
        let Err(Lookup::Unknown { suggestion, .. }) = stretch("qqqq") else {
            panic!("qqqq should not match");
        };
        assert_eq!(suggestion, None);
    }

    #[test]
    fn names_are_normalised_to_hyphenated_lower_case() {
        for (name, key) in [
            ("Butterfly Stretch", "butterfly-stretch"),
            ("  spiral__twist -", "spiral-twist"),
            ("HOT\tcompress", "hot-compress"),
            ("蝴蝶 式", "蝴蝶-式"),
            (" -_ ", ""),
        ] {
            assert_eq!(normalise(name), key, "{name:?}");
        }
    }

    #[test]
    fn empty_names_match_nothing() {
        assert!(matches!(stretch(""), Err(Lookup::Unknown { .. })));
        assert!(matches!(stretch("  - "), Err(Lookup::Unknown { .. })));
    }

    struct Item(&'static str);

    impl Named for Item {
        const KIND: Kind = Kind::Relief;
        fn id(&self) -> &str {
            self.0
        }
        fn name(&self) -> &str {
            self.0
        }
        fn aliases(&self) -> &[String] {
            &[]
        }
        fn order(&self) -> Option<u32> {
            None
        }
        fn origin(&self) -> Origin {
            Origin::Builtin
        }
        fn identify(&mut self, _: String, _: Origin) {}
        fn add_aliases(&mut self, _: &[String]) {}
    }

    #[test]
    fn a_prefix_of_two_items_is_ambiguous_but_a_whole_id_is_not() {
        let items = [Item("hot"), Item("hot-compress"), Item("massage")];
        assert_eq!(
            find(&items, "ho").err(),
            Some(Lookup::Ambiguous {
                kind: Kind::Relief,
                name: "ho".into(),
                matches: vec!["hot".into(), "hot-compress".into()],
            })
        );
        assert_eq!(find(&items, "hot").map(|i| i.0), Ok("hot"));
        assert_eq!(find(&items, "hot c").map(|i| i.0), Ok("hot-compress"));
    }
}
