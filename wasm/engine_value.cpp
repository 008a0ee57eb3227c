#include "wasm/engine_value.h"

#include "wasm/convert.h"

namespace esptool::wasm {
namespace {

val kind(const char* name) {
  val v = val::object();
  v.set("kind", std::string(name));
  return v;
}

// Fact values as JS values; numbers are flash ids, sizes and counts, well below 2^53.
struct FactVisitor {
  val operator()(bool flag) const { return val(flag); }
  val operator()(int64_t number) const { return val(double(number)); }
  val operator()(const std::string& text) const { return val(text); }
  val operator()(const engine::Facts::List& list) const {
    val array = val::array();
    for (const std::string& item : list) array.call<void>("push", item);
    return array;
  }
};

val facts_to_js(const engine::Facts& facts) {
  val object = val::object();
  for (const auto& [name, value] : facts.entries()) object.set(name, std::visit(FactVisitor{}, value));
  return object;
}

struct ActionVisitor {
  val operator()(const engine::Write& a) const {
    val v = kind("write");
    v.set("bytes", to_uint8array(a.bytes));
    return v;
  }
  val operator()(const engine::Read& a) const {
    val v = kind("read");
    v.set("deadline", a.deadline);
    return v;
  }
  val operator()(const engine::SetSignals& a) const {
    val v = kind("signals");
    v.set("dtr", a.dtr);
    v.set("rts", a.rts);
    return v;
  }
  val operator()(const engine::SetBaud& a) const {
    val v = kind("baud");
    v.set("baud", a.baud);
    return v;
  }
  val operator()(const engine::Sleep& a) const {
    val v = kind("sleep");
    v.set("duration", a.duration);
    v.set("until", a.until);
    return v;
  }
  val operator()(const engine::LoadStub& a) const {
    val v = kind("stub");
    v.set("file", a.file);
    return v;
  }
};

}  // namespace

val action_to_js(const std::optional<engine::Action>& action) {
  if (!action) return val::null();
  return std::visit(ActionVisitor{}, *action);
}

val event_to_js(const std::optional<engine::Event>& event, cli::ProgressText& text) {
  if (!event) return val::null();
  if (const auto* p = std::get_if<engine::Progress>(&*event)) {
    val v = kind("progress");
    v.set("stage", p->stage);
    // Counts stay below 2^53, so doubles carry them exactly.
    v.set("done", double(p->done));
    v.set("total", double(p->total));
    v.set("offset", p->offset);
    v.set("text", text.line(*p));
    return v;
  }
  const auto& log = std::get<engine::Log>(*event);
  val v = kind("log");
  v.set("text", log.text);
  v.set("fromDevice", log.from_device);
  return v;
}

val report_to_js(const engine::Report& report) {
  val v = val::object();
  v.set("facts", facts_to_js(report.facts));
  v.set("data", to_uint8array(report.data));
  return v;
}

}  // namespace esptool::wasm
