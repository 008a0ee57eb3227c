// Engine actions, events and reports as JSON for JS (web/types/wasm.d.ts):
//   actions {kind:'write', bytes} | {kind:'read', deadline} | {kind:'signals', dtr, rts}
//           | {kind:'baud', baud} | {kind:'sleep', duration, until} | {kind:'stub', file};
//           null when none is pending
//   events  {kind:'progress', stage, done, total, offset, text} | {kind:'log', text, fromDevice};
//   null report  {facts: object, data: Uint8Array}
#pragma once

#include <optional>

#include "core/cli/progress_text.h"
#include "core/engine/engine.h"
#include "wasm/c_abi.h"

namespace esptool::wasm {

void write_action(Call& c, std::optional<engine::Action> action);
// `text` holds esptool's progress line (cli::ProgressText), "" when it prints none.
void write_event(JsonWriter& w, const std::optional<engine::Event>& event, cli::ProgressText& text);
void write_report(Call& c, const engine::Report& report);

}  // namespace esptool::wasm
