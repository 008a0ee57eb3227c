// image_info (cmds.py image_info@v4.8.1): load with the detected or given chip's image class,
// then report. The text renderers live in image_info_text.cpp.
#include "core/image/image_info.h"

#include "core/image/app_description.h"
#include "core/image/intel_hex.h"

namespace esptool::image {

Result<ImageInfo> image_info(std::span<const uint8_t> input, const ImageInfoOptions& opts) {
  Bytes converted;
  std::span<const uint8_t> bytes = input;
  if (looks_like_intel_hex(input)) {
    // esptool converts Intel HEX first (from its lowest address, gaps 0xFF) and falls back to
    // the raw bytes when the text does not parse (bin_image.py intel_hex_to_bin).
    auto hex = intel_hex_to_bin(input, std::nullopt);
    if (hex.ok()) {
      converted = std::move(hex.value());
      bytes = converted;
    }
  }
  if (bytes.empty()) return make_error(Errc::kInvalidImage, "File is empty");
  if (bytes[0] != kImageMagic && bytes[0] != kEsp8266V2Magic) {
    return make_error(Errc::kInvalidImage,
                      strprintf("This is not a valid image (invalid magic number: %#x)", bytes[0]));
  }
  ImageInfo info;
  info.file_size = uint32_t(bytes.size());
  const chips::ChipInfo* chip = nullptr;
  if (opts.chip == "auto") {
    chip = &detect_image_chip(bytes);
    info.chip_detected = true;
  } else {
    chip = chips::find_chip(opts.chip);
    if (chip == nullptr) {
      return make_error(Errc::kUnknownChip,
                        strprintf("Unknown chip '%s'; choose from %s", opts.chip.c_str(),
                                  chips::chip_choices().c_str()));
    }
  }
  ESPT_ASSIGN(image, parse_image(bytes, *chip));
  info.image = std::move(image);
  const DescriptionSources src = find_description_segments(info.image);
  if (src.app) info.app = read_app_description(src.app->data, false);
  if (src.bootloader) info.bootloader = read_bootloader_description(src.bootloader->data, false);
  return info;
}

}  // namespace esptool::image
