fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = std::time::Instant::now();
    let text = std::fs::read_to_string(&a[1]).unwrap();
    let recipe = kette_monitor::Recipe::from_toml("r", &text).unwrap();
    let bytes = std::fs::read(&a[2]).unwrap();
    let t1 = t.elapsed();
    let frame = kette_monitor::Frame::from_csv("d", &bytes, &recipe.unit, recipe.group_by.as_deref()).unwrap();
    let t2 = t.elapsed();
    let (out, _) = recipe.run_owned(frame).unwrap();
    let t3 = t.elapsed();
    let f = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&a[3]).unwrap());
    out.write_csv(f, None).unwrap();
    let t4 = t.elapsed();
    eprintln!("read {:?} parse {:?} run {:?} write {:?}", t1, t2 - t1, t3 - t2, t4 - t3);
}
