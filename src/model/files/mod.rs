//! The files users hold and the form the workbook is stored in: backups with
//! their schema versions and migrations (`backup`), the packed text kept in
//! local storage (`stored_form`), single shared assessments
//! (`assessment_file`), support agreements sent between parties (`agreement_file`), business
//! cases shared as files and their figures as CSV (`business_case_file`,
//! `business_case_csv`) and members' files taken into a group round
//! (`group_intake`), the placement log as CSV (`placement_csv`), what every
//! format has in common and why a file is refused (`formats`), the checks made
//! on everything read (`import_checks`) and the JSON Schemas (`schemas`).
//! Imports the workbook and the areas; only the UI imports this.

pub mod agreement_file;
pub mod assessment_file;
pub mod backup;
pub mod business_case_csv;
pub mod business_case_file;
pub mod encrypted;
pub mod formats;
pub mod group_csv;
pub mod group_intake;
pub mod import_checks;
pub mod placement_csv;
#[cfg(not(target_arch = "wasm32"))]
pub mod schemas;
pub mod stored_form;

pub use formats::ReadError;
