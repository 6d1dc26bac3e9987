//! Hash routes: every page's address lives after the `#`
//! (`…/tools/workbook/#/development-plan/goals/3`), so the server is only ever
//! asked for the one `index.html`. Any static host then serves the app at its
//! root or under any sub-path, and reloading or bookmarking any page works with
//! no server rules, no `404.html` trick and no base path fixed at build time.
//! (Intranet servers and file shares with no rewrite rules are common in the NHS.)
//!
//! The pages use it like a router library: `A` for links, `use_navigate` to
//! move on after a form is saved, `use_params_map` for the parts of the address.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A page and the address pattern it answers, e.g. `/development-plan/goals/:id`.
pub struct Route {
    pub pattern: &'static str,
    pub view: PageView,
}

/// How a page is made: from code in the first download, or from an area's
/// part of the module, fetched the first time one of its pages is opened
/// (`pages::areas`, where both are declared).
pub enum PageView {
    Now(fn() -> AnyView),
    /// The area, which draws the page for the route's pattern.
    InArea(&'static Area),
}

/// An area of the app whose pages are in a part of the module of their own.
pub struct Area {
    /// The area's page for an address pattern, once its part is here.
    pub page: fn(&'static str) -> AreaPage,
    /// Fetches the area's part (if not here yet) without drawing anything.
    pub fetch: fn() -> AreaFetch,
}

/// An area's page, once its part of the module is here.
pub type AreaPage =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<AnyView, PartLoadError>>>>;

/// An area's part being fetched; a failure is left for the page to report.
pub type AreaFetch = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

/// A part of the module (an area's pages, the store's writing half, the
/// reader for older workbooks) could not be fetched: offline before it was
/// ever cached, or the server is gone. The page says so instead of the app failing.
#[derive(Clone, Copy, Debug)]
pub struct PartLoadError;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for PartLoadError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PartLoadError
    }
}

impl Route {
    /// A page in the first download.
    pub const fn now(pattern: &'static str, view: fn() -> AnyView) -> Self {
        Route {
            pattern,
            view: PageView::Now(view),
        }
    }

    /// A page of an area (`pages::areas`), which it draws for `pattern`.
    pub const fn in_area(pattern: &'static str, area: &'static Area) -> Self {
        Route {
            pattern,
            view: PageView::InArea(area),
        }
    }
}

/// The named parts of the current address (`:id` in the pattern → its value).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    pub fn get(&self, name: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.clone())
    }
}

/// Which route (by its place in the table) the current address matched.
#[derive(Clone, Debug, PartialEq)]
struct Matched {
    route: Option<usize>,
    params: Params,
}

#[derive(Clone, Copy)]
struct Router {
    path: RwSignal<String>,
    matched: Memo<Matched>,
}

thread_local! {
    // The one router, also for `navigate` called from event handlers that run
    // outside any reactive owner (where context cannot be looked up).
    static ROUTER: std::cell::Cell<Option<Router>> = const { std::cell::Cell::new(None) };
}

fn router() -> Router {
    ROUTER
        .with(|r| r.get())
        .expect("provide_router runs before any page")
}

/// Options for `navigate`. `replace` swaps the current history entry instead
/// of adding one, so Back skips a page that no longer makes sense.
#[derive(Clone, Copy, Debug, Default)]
pub struct NavigateOptions {
    pub replace: bool,
}

/// The app's path from the address's `#` part: `#/about` → `/about`, nothing
/// → `/`. A fragment that is not a path (`#maincontent`) is not a page: `None`.
fn path_from_hash(hash: &str) -> Option<String> {
    let fragment = hash.strip_prefix('#').unwrap_or(hash);
    if fragment.is_empty() {
        return Some("/".into());
    }
    fragment.starts_with('/').then(|| {
        // Without a query part or trailing slash, so `/about/` is `/about`.
        let path = fragment.split('?').next().unwrap_or_default();
        let trimmed = path.trim_end_matches('/');
        if trimmed.is_empty() {
            "/".into()
        } else {
            trimmed.into()
        }
    })
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The first route whose pattern fits `path`, with its parts decoded.
fn match_route(routes: &[Route], path: &str) -> Matched {
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for (index, route) in routes.iter().enumerate() {
        let pattern: Vec<&'static str> =
            route.pattern.split('/').filter(|s| !s.is_empty()).collect();
        if pattern.len() != segments.len() {
            continue;
        }
        let mut params = Vec::new();
        let fits = pattern
            .iter()
            .zip(&segments)
            .all(|(want, got)| match want.strip_prefix(':') {
                Some(name) => {
                    let value = js_sys::decode_uri_component(got)
                        .ok()
                        .and_then(|v| v.as_string())
                        .unwrap_or_else(|| (*got).to_string());
                    params.push((name, value));
                    true
                }
                None => want == got,
            });
        if fits {
            return Matched {
                route: Some(index),
                params: Params(params),
            };
        }
    }
    Matched {
        route: None,
        params: Params::default(),
    }
}

/// Sets up routing for `routes`: follows the address's `#` part as it changes
/// (links, Back and Forward, typed addresses) and makes in-page links such as
/// the skip link move focus instead of being taken for a page.
pub fn provide_router(routes: &'static [Route]) {
    let path = RwSignal::new(path_from_hash(&current_hash()).unwrap_or_else(|| "/".into()));
    let matched = Memo::new(move |_| path.with(|p| match_route(routes, p)));
    ROUTER.with(|r| r.set(Some(Router { path, matched })));

    // The app lives as long as the page, so these listeners do too.
    std::mem::forget(window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(new_path) = path_from_hash(&current_hash()) {
            // Usually already shown, by the link's click (`follow_link_at_once`).
            if path.with_untracked(|p| *p != new_path) {
                path.set(new_path);
            }
        }
    }));
    std::mem::forget(window_event_listener(
        leptos::ev::click,
        follow_link_at_once,
    ));
}

/// A plain click on a link to a page of the app shows that page at once, in
/// the click's own task, as a router library does: the browser's `hashchange`
/// event only comes in a later task, and until then the old page would still
/// be on screen (and in the way of whatever is done next). The browser still
/// updates the address and history as usual; the event then changes nothing.
/// Any other in-page link goes to `focus_in_page_target`.
fn follow_link_at_once(event: web_sys::MouseEvent) {
    let plain = event.button() == 0
        && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
    let href = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href^='#/']").ok().flatten())
        .filter(|link| !link.has_attribute("target") && !link.has_attribute("download"))
        .and_then(|link| link.get_attribute("href"));
    match href.and_then(|h| path_from_hash(&h)) {
        Some(path) if plain && !event.default_prevented() => router().path.set(path),
        Some(_) => {}
        None => focus_in_page_target(event),
    }
}

/// An in-page link (`#maincontent`, `#goal-title`) would otherwise replace the
/// page's address; instead it moves focus to its target, as the NHS.UK skip
/// link and error summary expect, and the address stays the page's own.
fn focus_in_page_target(event: web_sys::MouseEvent) {
    if event.default_prevented() {
        return;
    }
    let link = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href^='#']").ok().flatten());
    let Some(id) = link
        .and_then(|l| l.get_attribute("href"))
        .and_then(|href| href.strip_prefix('#').map(str::to_string))
        .filter(|id| !id.is_empty() && !id.starts_with('/'))
    else {
        return;
    };
    let target = document()
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(target) = target {
        event.prevent_default();
        if target.tab_index() < 0 && !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        let _ = target.focus();
        target.scroll_into_view();
    }
}

/// The page for the current address, or `fallback` when none matches. A new
/// address makes a new page, so a page never sees another page's parts.
#[component]
pub fn CurrentPage(
    routes: &'static [Route],
    fallback: fn() -> AnyView,
    /// Shown while an area's part of the module is fetched, and instead of the
    /// page if it cannot be.
    opening: fn() -> AnyView,
    could_not_open: fn() -> AnyView,
) -> impl IntoView {
    let router = router();
    move || match router.matched.get().route {
        Some(index) => match routes[index].view {
            PageView::Now(page) => page(),
            PageView::InArea(area) => {
                let pattern = routes[index].pattern;
                // `Suspend` runs the page's code inside this reactive owner,
                // so the page finds the store and the router as usual.
                let page = Suspend::new(send_wrapper::SendWrapper::new(async move {
                    (area.page)(pattern)
                        .await
                        .unwrap_or_else(|_| could_not_open())
                }));
                view! { <Suspense fallback=opening>{page}</Suspense> }.into_any()
            }
        },
        None => fallback(),
    }
}

/// The current app path (`/development-plan/goals/3`), tracked.
pub fn use_path() -> Signal<String> {
    let router = router();
    router.path.into()
}

/// The area of the page the address shows now, if that page is in an area's
/// part of the module; for use before the router is set up.
pub fn area_at_start(routes: &'static [Route]) -> Option<&'static Area> {
    let path = path_from_hash(&current_hash())?;
    let index = match_route(routes, &path).route?;
    match routes[index].view {
        PageView::InArea(area) => Some(area),
        PageView::Now(_) => None,
    }
}

/// The current app path, untracked (for code outside the reactive graph).
pub fn current_path() -> String {
    router().path.get_untracked()
}

/// The named parts of the address the calling page was opened at. While the
/// page is being replaced by another, it keeps seeing its own parts.
pub fn use_params_map() -> Memo<Params> {
    let router = router();
    let mine = router.matched.with_untracked(|m| m.route);
    Memo::new(move |previous: Option<&Params>| {
        router.matched.with(|m| {
            if m.route == mine {
                m.params.clone()
            } else {
                previous.cloned().unwrap_or_default()
            }
        })
    })
}

/// Goes to `to`, an app path such as `/development-plan`.
pub fn navigate(to: &str, options: NavigateOptions) {
    let hash = format!("#{to}");
    let location = window().location();
    let _ = if options.replace {
        location.replace(&hash)
    } else {
        location.set_hash(&hash)
    };
    // Show the new page now rather than when the browser's event arrives.
    if let Some(path) = path_from_hash(&hash) {
        router().path.set(path);
    }
}

/// The query part of the address's `#` part, decoded: `#/log?text=zo%C3%AB`
/// gives `[("text", "zoë")]`. A page keeps what it shows there (the log's
/// filters), so a reload or Back shows the same again.
pub fn hash_query() -> Vec<(String, String)> {
    let hash = current_hash();
    let Some((_, query)) = hash.split_once('?') else {
        return Vec::new();
    };
    let decode = |s: &str| {
        js_sys::decode_uri_component(&s.replace('+', " "))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(name, value)| (decode(name), decode(value)))
        .collect()
}

/// Puts `pairs` (those with a value) in the query part of the address of
/// the page at `path`, in place: no new history entry, no page change,
/// nothing sent. Nothing happens once the address is another page's.
pub fn replace_hash_query(path: &str, pairs: &[(&str, String)]) {
    if path_from_hash(&current_hash()).as_deref() != Some(path) {
        return;
    }
    let query: Vec<String> = pairs
        .iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(name, value)| {
            format!(
                "{name}={}",
                String::from(js_sys::encode_uri_component(value))
            )
        })
        .collect();
    let wanted = if query.is_empty() {
        format!("#{path}")
    } else {
        format!("#{path}?{}", query.join("&"))
    };
    if current_hash() != wanted {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&wanted));
        }
    }
}

/// `navigate`, as pages ask for it.
pub fn use_navigate() -> fn(&str, NavigateOptions) {
    navigate
}

/// The `href` a link needs for the app path `to`.
pub fn href(to: &str) -> String {
    format!("#{to}")
}

/// Is `path` the page `to` or one of the pages under it? `/` is only itself.
fn is_current(path: &str, to: &str) -> bool {
    path == to || (to != "/" && path.starts_with(to) && path[to.len()..].starts_with('/'))
}

/// A link to another page of the app. The current page's link, or the link to
/// the area it is in, is marked `aria-current="page"`.
#[component]
pub fn A(#[prop(into)] href: Signal<String>, children: Children) -> impl IntoView {
    let path = use_path();
    // `try_`: when the address changes, a link on the page being left may be
    // updated once more after its page's own values (an `href` made from a
    // record's id) are gone, as the page is taken down inside `Suspense`.
    let current = move || {
        href.try_with(|to| is_current(&path.get(), to))
            .unwrap_or(false)
            .then_some("page")
    };
    view! {
        <a href=move || href.try_with(|to| self::href(to)) aria-current=current>
            {children()}
        </a>
    }
}
