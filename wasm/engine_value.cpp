#include "wasm/engine_value.h"

namespace esptool::wasm {
namespace {

// Fact values as JS values; numbers are flash ids, sizes and counts, well below 2^53.
struct FactWriter {
  JsonWriter& w;
  void operator()(bool flag) const { w.value(flag); }
  void operator()(int64_t number) const { w.value(number); }
  void operator()(const std::string& text) const { w.value(text); }
  void operator()(const engine::Facts::List& list) const {
    w.begin_array();
    for (const std::string& item : list) w.value(item);
    w.end_array();
  }
};

struct ActionWriter {
  Call& c;
  JsonWriter& kind(const char* name) const {
    return c.out().begin_object().key("kind").value(name);
  }
  void operator()(engine::Write& a) const {
    kind("write").key("bytes");
    c.put_bytes(std::move(a.bytes));
  }
  void operator()(engine::Read& a) const { kind("read").key("deadline").value(a.deadline); }
  void operator()(engine::SetSignals& a) const {
    kind("signals").key("dtr").value(a.dtr).key("rts").value(a.rts);
  }
  void operator()(engine::SetBaud& a) const { kind("baud").key("baud").value(a.baud); }
  void operator()(engine::Sleep& a) const {
    kind("sleep").key("duration").value(a.duration).key("until").value(a.until);
  }
  void operator()(engine::LoadStub& a) const { kind("stub").key("file").value(a.file); }
};

}  // namespace

void write_action(Call& c, std::optional<engine::Action> action) {
  if (!action) {
    c.out().null();
    return;
  }
  std::visit(ActionWriter{c}, *action);
  c.out().end_object();
}

void write_event(JsonWriter& w, const std::optional<engine::Event>& event,
                 cli::ProgressText& text) {
  if (!event) {
    w.null();
    return;
  }
  w.begin_object();
  if (const auto* p = std::get_if<engine::Progress>(&*event)) {
    w.key("kind").value("progress");
    w.key("stage").value(p->stage);
    // Counts stay below 2^53, so doubles carry them exactly.
    w.key("done").value(double(p->done));
    w.key("total").value(double(p->total));
    w.key("offset").value(p->offset);
    w.key("text").value(text.line(*p));
  } else {
    const auto& log = std::get<engine::Log>(*event);
    w.key("kind").value("log");
    w.key("text").value(log.text);
    w.key("fromDevice").value(log.from_device);
  }
  w.end_object();
}

void write_report(Call& c, const engine::Report& report) {
  JsonWriter& w = c.out().begin_object().key("facts").begin_object();
  for (const auto& [name, value] : report.facts.entries()) {
    w.key(name);
    std::visit(FactWriter{w}, value);
  }
  w.end_object().key("data");
  c.put_bytes(report.data);
  w.end_object();
}

}  // namespace esptool::wasm
