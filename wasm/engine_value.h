// Engine actions, events and reports -> JS objects (web/types/wasm.d.ts):
//   actions {kind:'write', bytes} | {kind:'read', deadline} | {kind:'signals', dtr, rts}
//           | {kind:'baud', baud} | {kind:'sleep', duration}; null when none is pending
//   events  {kind:'progress', stage, done, total, offset, text} | {kind:'log', text, fromDevice}; null
//   report  {facts: object, data: Uint8Array}
#pragma once

#include <emscripten/val.h>

#include <optional>

#include "core/cli/progress_text.h"
#include "core/engine/engine.h"

namespace esptool::wasm {

emscripten::val action_to_js(const std::optional<engine::Action>& action);
// `text` holds esptool's progress line (cli::ProgressText), "" when it prints none.
emscripten::val event_to_js(const std::optional<engine::Event>& event, cli::ProgressText& text);
emscripten::val report_to_js(const engine::Report& report);

}  // namespace esptool::wasm
