#include "core/image/make_image.h"

#include "core/image/esp8266_image_save.h"

namespace esptool::image {

Result<CommandOutput> make_image(const MakeImageOptions& opts) {
  CommandOutput out;
  out.lines.push_back("Creating " + opts.chip + " image...");
  if (opts.segments.empty()) return make_error(Errc::kBadArgument, "No segments specified");
  std::vector<Segment> segments;
  for (const auto& [address, data] : opts.segments) {
    Segment s;
    s.address = address;
    s.data = data;
    if (address != 0) s.data.resize(align_up(uint32_t(s.data.size()), 4), 0);
    segments.push_back(std::move(s));
  }
  Esp8266Header header;
  header.entry = opts.entry;
  ESPT_ASSIGN(files, save_esp8266_v1(segments, header, opts.output));
  out.files = std::move(files);
  out.lines.push_back("Successfully created " + opts.chip + " image.");
  return out;
}

}  // namespace esptool::image
