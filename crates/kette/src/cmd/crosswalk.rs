//! `kette crosswalk`: a crosswalk between two boundary versions from polygon overlap.

use super::*;

#[derive(Args)]
pub struct CrosswalkArgs {
    /// Districts of the old boundary version (GeoJSON, WGS84)
    pub from: PathBuf,
    /// Districts of the new boundary version (GeoJSON, WGS84)
    pub to: PathBuf,
    #[arg(long, default_value = "id")]
    pub key_property: String,
    #[arg(long, default_value = "name")]
    pub name_property: String,
    /// Overlaps below this share of the old district are slivers and dropped
    #[arg(long, default_value_t = 0.002)]
    pub min_share: f64,
    /// Output CSV (from,to,weight); '-' writes to standard output
    #[arg(long)]
    pub out: PathBuf,
}

pub async fn run(args: CrosswalkArgs) -> Result<()> {
    let CrosswalkArgs { from, to, key_property, name_property, min_share, out } = args;
    let spec = DistrictFileSpec { key_property, name_property, ..Default::default() };
    let load = |path: &PathBuf| -> Result<Vec<(String, String)>> {
        let bytes = read(path)?;
        let districts = kette_ingest::geojson_districts::parse(&file_name(path), &kette_ingest::text::decode(&bytes), &spec)?;
        Ok(districts.into_iter().filter_map(|d| d.geometry.map(|g| (d.key, g))).collect())
    };
    let links = kette_ingest::crosswalk::from_polygons(&load(&from)?, &load(&to)?, min_share);
    let mut csv = String::from("from,to,weight\n");
    for l in &links {
        let safe = kette_ingest::text::spreadsheet_safe;
        csv.push_str(&format!("{},{},{:.6}\n", safe(&l.from), safe(&l.to), l.weight));
    }
    if out.as_os_str() == "-" {
        print!("{csv}");
    } else {
        write_text_beside(&out, "csv.partial", &csv)?;
        eprintln!("{}", msg("cli-crosswalk-written", &[("file", &out.display()), ("links", &links.len())]));
    }
    Ok(())
}
