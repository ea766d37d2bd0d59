//! Routines: the plan of phases and seconds, and the timed run that plays it.

pub mod clock;
pub mod countdown;
pub mod plan;
pub mod player;
pub mod terminal;

pub use plan::{Action, Phase, Plan, Side, StretchPlan};
