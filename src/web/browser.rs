//! What a web page does where the desktop uses files: offering a report as
//! a download. Nothing here knows the app.

use wasm_bindgen::{JsCast as _, JsValue};

/// An element of the page by id.
pub fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Offers `bytes` to the learner as a file named `name` (the browser saves
/// it to the downloads folder or asks where). Returns why not, in words.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail =
        |what: &'static str| move |_: JsValue| format!("the browser refused the download ({what})");
    let window = web_sys::window().ok_or("no browser window")?;
    let document = window.document().ok_or("no page")?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let properties = web_sys::BlobPropertyBag::new();
    properties.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &properties)
        .map_err(fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail("address"))?;
    let link = document
        .create_element("a")
        .map_err(fail("link"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "the browser refused the download (link)".to_owned())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // The click has started the download; the address is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// What the page shows, written on the canvas as `data-*` attributes for
/// tools and the browser test (which cannot read a canvas): the screen,
/// how many sessions the history holds, whether the conversation has
/// ended, and the name of the widget that last gained keyboard focus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageState {
    pub screen: String,
    pub sessions: usize,
    pub finished: bool,
    pub focus: String,
    /// The last frame's cost in microseconds, as eframe measured it in the
    /// page (`performance.now()` around the app's logic and painting).
    pub frame_us: u64,
}

impl PageState {
    /// Writes the attributes that changed since `before`.
    pub fn publish(&self, before: &PageState, canvas_id: &str) {
        let Some(canvas) = element(canvas_id) else {
            return;
        };
        let pairs = [
            ("data-screen", &self.screen, &before.screen),
            ("data-focus", &self.focus, &before.focus),
        ];
        for (name, now, was) in pairs {
            if now != was {
                let _ = canvas.set_attribute(name, now);
            }
        }
        if self.frame_us != before.frame_us {
            let _ = canvas.set_attribute("data-frame-us", &self.frame_us.to_string());
        }
        if self.sessions != before.sessions || before.screen.is_empty() {
            let _ = canvas.set_attribute("data-sessions", &self.sessions.to_string());
        }
        if self.finished != before.finished || before.screen.is_empty() {
            let _ = canvas.set_attribute("data-finished", if self.finished { "yes" } else { "no" });
        }
    }
}

/// Puts the whole page in full screen, or takes it out (presenter mode on
/// a projector). The browser allows it only just after a key press or a
/// click, which is when the app asks.
pub fn set_fullscreen(on: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if on {
        if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    } else if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    }
}

/// Opens the browser's file picker for one file whose name ends in one of
/// `accept` (such as `.ron`), and calls `done` with its name and content
/// once the learner has picked one. Nothing happens if they cancel.
pub fn pick_file(
    accept: &str,
    done: impl FnOnce(String, Result<Vec<u8>, String>) + 'static,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no page")?;
    let input = document
        .create_element("input")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .ok_or("the browser has no file picker")?;
    input.set_type("file");
    input.set_accept(accept);
    let chosen = input.clone();
    let on_change = wasm_bindgen::closure::Closure::once_into_js(move || {
        let Some(file) = chosen.files().and_then(|f| f.get(0)) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let bytes = text
                .ok()
                .and_then(|t| t.as_string())
                .map(String::into_bytes)
                .ok_or_else(|| "the browser could not read it".to_owned());
            done(file.name(), bytes);
        });
    });
    input.set_onchange(Some(on_change.unchecked_ref()));
    input.click();
    Ok(())
}
