//! `kette index run`: composite indices from a recipe over a table file.

use super::*;

#[derive(Subcommand)]
pub enum IndexAction {
    /// Run a recipe on a table (one row per unit and group) and write every intermediate score
    Run {
        /// The recipe (TOML), e.g. recipes/berlin-mss-2019.toml
        recipe: PathBuf,
        /// Input table (CSV; UTF-8 or Windows-1252, ',' or ';')
        #[arg(long)]
        data: PathBuf,
        /// Output table (CSV); '-' writes to standard output
        #[arg(long)]
        out: PathBuf,
    },
}

pub async fn run(action: IndexAction) -> Result<()> {
    match action {
        IndexAction::Run { recipe, data, out } => {
            let text = String::from_utf8(read(&recipe)?).with_context(|| format!("{}: not UTF-8 text", recipe.display()))?;
            let recipe = kette_monitor::Recipe::from_toml(&file_name(&recipe), &text)?;
            let frame = kette_monitor::Frame::from_csv(&file_name(&data), &read(&data)?, &recipe.unit, recipe.group_by.as_deref())?;
            let (result, notes) = recipe.run_owned(frame)?;
            let formats = kette_i18n::Formats::new(kette_i18n::cli_language());
            for note in &notes {
                let (key, args) = note.message(&|x, digits| formats.fixed(x, digits));
                let args: Vec<(&str, &dyn std::fmt::Display)> = args.iter().map(|(k, v)| (*k, v as &dyn std::fmt::Display)).collect();
                let text = msg(key, &args);
                if note.is_warning() {
                    eprintln!("{}: {text}", msg("index-note-warning", &[]));
                } else {
                    eprintln!("{text}");
                }
            }
            if out.as_os_str() == "-" {
                result.write_csv(std::io::stdout().lock(), None)?;
            } else {
                write_beside(&out, "csv.partial", |w| result.write_csv(w, None))?;
                eprintln!(
                    "{}",
                    msg("cli-index-written", &[("file", &out.display()), ("rows", &result.len()), ("columns", &result.columns.len())])
                );
            }
        }
    }
    Ok(())
}
