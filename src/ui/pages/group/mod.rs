//! The group view's pages: its rounds, starting one, a round with its
//! members' files and where the group stands, the workshop's agreed and
//! target levels, and two rounds compared. Pages are thin: they show the
//! workbook's group section (read when the first of them opens) and send
//! named changes through the store.

mod compare;
mod overview;
mod parts;
mod results;
mod round;
mod round_forms;
mod workshop;

pub use compare::CompareRounds;
pub use overview::GroupView;
pub use round::RoundPage;
pub use round_forms::{NewRound, RoundDetails};
pub use workshop::{AgreeArea, Workshop};
