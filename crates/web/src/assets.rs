//! Static files compiled into the binary: nothing is loaded from a CDN.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

const FILES: &[(&str, &str, &[u8])] = &[
    ("kette.css", "text/css; charset=utf-8", include_bytes!("../assets/kette.css")),
    ("map.js", "text/javascript; charset=utf-8", include_bytes!("../assets/map.js")),
    ("forms.js", "text/javascript; charset=utf-8", include_bytes!("../assets/forms.js")),
    ("network.js", "text/javascript; charset=utf-8", include_bytes!("../assets/network.js")),
    ("favicon.svg", "image/svg+xml", include_bytes!("../assets/favicon.svg")),
    ("leaflet/leaflet.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.js")),
    ("leaflet/leaflet.css", "text/css; charset=utf-8", include_bytes!("../assets/vendor/leaflet/leaflet.css")),
    ("cytoscape/cytoscape.min.js", "text/javascript; charset=utf-8", include_bytes!("../assets/vendor/cytoscape/cytoscape.min.js")),
];

pub async fn serve(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, _, _)| *p == path) {
        Some((_, mime, body)) => ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=86400")], *body).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Browsers ask for `/favicon.ico` on their own; the icon is the SVG one (two chain links).
pub async fn favicon() -> Response {
    let (_, mime, body) = FILES.iter().find(|(p, _, _)| *p == "favicon.svg").expect("the icon is compiled in");
    ([(header::CONTENT_TYPE, *mime), (header::CACHE_CONTROL, "public, max-age=86400")], *body).into_response()
}
