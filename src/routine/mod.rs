//! Routines: the plan of phases and seconds.

pub mod plan;

pub use plan::StretchPlan;
