//! Reading, setting and calling what a browser object has by name, for the
//! browser APIs reached without web-sys's typed bindings (each typed binding
//! adds an import to the glue every visitor downloads first): many files and
//! folders (`picked_files`), the linked backup file and IndexedDB
//! (`linked_file`).

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `target[key]`, or `undefined`.
pub fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `target[key] = value` (a refusal is ignored: the caller reads back what it needs).
pub fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Calls `target.method(...args)`.
pub fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: Function = get(target, method).dyn_into()?;
    function.apply(target, &args.iter().collect::<Array>())
}
