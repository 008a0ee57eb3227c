// Intel HEX writer and reader. Record layout and error rules follow python intelhex 2.3 (the
// library esptool v4.8.1 uses); checked by running it on the same inputs (tests/core).
#include "core/image/intel_hex.h"

#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

namespace esptool::image {
namespace {

constexpr uint64_t k4GiB = uint64_t(1) << 32;
constexpr uint8_t kData = 0x00, kEof = 0x01, kSegmentBase = 0x02, kStartSegment = 0x03,
                  kLinearBase = 0x04, kStartLinear = 0x05;
constexpr size_t kMaxDataPerRecord = 16;  // write_hex_file's default byte_count

void append_hex_byte(Bytes& out, uint8_t v) {
  static const char kDigits[] = "0123456789ABCDEF";
  out.push_back(uint8_t(kDigits[v >> 4]));
  out.push_back(uint8_t(kDigits[v & 15]));
}

// One record line: ':' LL AAAA TT data CC '\n', CC = two's complement of the byte sum.
void append_record(Bytes& out, uint8_t type, uint16_t address, const uint8_t* data, size_t n) {
  uint8_t sum = uint8_t(n) + uint8_t(address >> 8) + uint8_t(address) + type;
  out.push_back(':');
  append_hex_byte(out, uint8_t(n));
  append_hex_byte(out, uint8_t(address >> 8));
  append_hex_byte(out, uint8_t(address));
  append_hex_byte(out, type);
  for (size_t i = 0; i < n; ++i) {
    append_hex_byte(out, data[i]);
    sum = uint8_t(sum + data[i]);
  }
  append_hex_byte(out, uint8_t(-sum));
  out.push_back('\n');
}

// Strict UTF-8 check, as Python's decoder applies when intelhex opens the file in text mode.
bool is_valid_utf8(std::span<const uint8_t> s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = 0;  // continuation bytes
    uint32_t cp = 0, min = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07, min = 0x10000;
    } else {
      return false;
    }
    if (i + n >= s.size()) return false;
    for (size_t k = 1; k <= n; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are rejected by Python too.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

int hex_value(uint8_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Error record_error(size_t line, const char* what) {
  return make_error(Errc::kInvalidImage, strprintf("Intel HEX line %zu: %s", line, what),
                    "Check that the file is an unmodified Intel HEX file.");
}

// Covered address ranges [start, end), coalesced, to find bytes given twice.
class Coverage {
 public:
  // Adds [a, b); returns the first already covered address in it instead, if any.
  std::optional<uint64_t> add(uint64_t a, uint64_t b) {
    auto next = ranges_.upper_bound(a);
    if (next != ranges_.begin() && std::prev(next)->second > a) return a;
    if (next != ranges_.end() && next->first < b) return next->first;
    uint64_t start = a, end = b;
    if (next != ranges_.begin() && std::prev(next)->second == a) {
      auto prev = std::prev(next);
      start = prev->first;
      ranges_.erase(prev);
    }
    if (next != ranges_.end() && next->first == b) {
      end = next->second;
      ranges_.erase(next);
    }
    ranges_[start] = end;
    return std::nullopt;
  }

 private:
  std::map<uint64_t, uint64_t> ranges_;
};

struct Reader {
  uint64_t base = 0;  // set by type 02 (segment * 16) or 04 (upper 16 bits)
  bool has_start = false;
  bool done = false;
  Coverage coverage;
  std::vector<HexSegment> records;

  // One line without its line break; mirrors intelhex's _decode_record check order.
  Status decode(std::string_view s, size_t line) {
    if (s.empty()) return Status::Ok();
    if (s[0] != ':' || (s.size() - 1) % 2 != 0) return record_error(line, "not a valid record");
    Bytes rec((s.size() - 1) / 2);
    for (size_t i = 0; i < rec.size(); ++i) {
      const int hi = hex_value(uint8_t(s[1 + 2 * i])), lo = hex_value(uint8_t(s[2 + 2 * i]));
      if (hi < 0 || lo < 0) return record_error(line, "not a valid record");
      rec[i] = uint8_t(hi << 4 | lo);
    }
    if (rec.size() < 5) return record_error(line, "not a valid record");
    const size_t len = rec[0];
    if (rec.size() != 5 + len) return record_error(line, "record has an invalid length");
    const uint16_t addr16 = uint16_t(rec[1] << 8 | rec[2]);
    const uint8_t type = rec[3];
    if (type > kStartLinear) return record_error(line, "record has an invalid record type");
    uint8_t sum = 0;
    for (uint8_t b : rec) sum = uint8_t(sum + b);
    if (sum != 0) return record_error(line, "record has an invalid checksum");
    const uint8_t* data = rec.data() + 4;
    switch (type) {
      case kData:
        return add_data(base + addr16, data, len, line);
      case kEof:
        if (len != 0) return record_error(line, "invalid End-of-File record");
        done = true;
        return Status::Ok();
      case kSegmentBase:
      case kLinearBase:
        if (len != 2 || addr16 != 0) return record_error(line, "invalid extended address record");
        base = uint64_t(data[0] << 8 | data[1]) * (type == kSegmentBase ? 16 : 65536);
        return Status::Ok();
      case kStartSegment:
      case kStartLinear:
      default:  // start addresses: validated, not needed for flashing
        if (len != 4 || addr16 != 0) return record_error(line, "invalid start address record");
        if (has_start) return record_error(line, "start address record appears twice");
        has_start = true;
        return Status::Ok();
    }
  }

  Status add_data(uint64_t address, const uint8_t* data, size_t len, size_t line) {
    if (len == 0) return Status::Ok();
    if (address + len > k4GiB)
      return record_error(line, "data lies beyond the 4 GiB address space");
    if (auto dup = coverage.add(address, address + len)) {
      return make_error(
          Errc::kOverlap,
          strprintf("Intel HEX line %zu: data overlaps earlier data at address 0x%llX", line,
                    static_cast<unsigned long long>(*dup)),
          "Each address may be given only once in an Intel HEX file.");
    }
    records.push_back(HexSegment{uint32_t(address), Bytes(data, data + len)});
    return Status::Ok();
  }
};

std::vector<HexSegment> coalesce(std::vector<HexSegment> records) {
  std::stable_sort(records.begin(), records.end(),
                   [](const HexSegment& a, const HexSegment& b) { return a.address < b.address; });
  std::vector<HexSegment> out;
  for (auto& r : records) {
    if (!out.empty() && uint64_t(out.back().address) + out.back().data.size() == r.address) {
      append(out.back().data, r.data);
    } else {
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace

Result<Bytes> write_intel_hex(const std::vector<HexSegment>& segments) {
  std::vector<const HexSegment*> segs;
  for (const auto& s : segments) {
    if (s.data.empty()) continue;
    if (uint64_t(s.address) + s.data.size() > k4GiB) {
      return make_error(Errc::kBadArgument,
                        strprintf("Data at 0x%x (%zu bytes) extends beyond the 4 GiB address "
                                  "space Intel HEX can describe",
                                  s.address, s.data.size()));
    }
    segs.push_back(&s);
  }
  std::stable_sort(segs.begin(), segs.end(), [](const HexSegment* a, const HexSegment* b) {
    return a->address < b->address;
  });
  for (size_t i = 1; i < segs.size(); ++i) {
    if (uint64_t(segs[i - 1]->address) + segs[i - 1]->data.size() > segs[i]->address) {
      return make_error(Errc::kOverlap,
                        strprintf("Data overlapped at address 0x%X", segs[i]->address));
    }
  }
  Bytes out;
  if (!segs.empty()) {
    const uint64_t max_addr = uint64_t(segs.back()->address) + segs.back()->data.size() - 1;
    const bool needs_base_records = max_addr > 0xFFFF;
    uint64_t base = ~uint64_t(0);
    size_t seg = 0, off = 0;
    uint8_t buf[kMaxDataPerRecord];
    while (seg < segs.size()) {
      const uint64_t cur = uint64_t(segs[seg]->address) + off;
      if (needs_base_records && (cur >> 16) != base) {
        base = cur >> 16;
        const uint8_t upper[2] = {uint8_t(base >> 8), uint8_t(base)};
        append_record(out, kLinearBase, 0, upper, 2);
      }
      // A record stops at 16 bytes, at the 64 KiB boundary, or at a gap between segments.
      const size_t limit = size_t(std::min<uint64_t>(kMaxDataPerRecord, 0x10000 - (cur & 0xFFFF)));
      size_t n = 0;
      while (n < limit && seg < segs.size() && segs[seg]->address + off == cur + n) {
        const size_t take = std::min(limit - n, segs[seg]->data.size() - off);
        std::copy_n(segs[seg]->data.data() + off, take, buf + n);
        n += take;
        off += take;
        if (off == segs[seg]->data.size()) {
          ++seg;
          off = 0;
        }
      }
      append_record(out, kData, uint16_t(cur & 0xFFFF), buf, n);
    }
  }
  append_record(out, kEof, 0, nullptr, 0);
  return out;
}

Result<std::vector<HexSegment>> parse_intel_hex(std::span<const uint8_t> text) {
  if (!is_valid_utf8(text)) {
    return make_error(Errc::kInvalidImage, "Intel HEX file is not valid UTF-8 text",
                      "Check that the file is an unmodified Intel HEX file.");
  }
  const std::string_view all(reinterpret_cast<const char*>(text.data()), text.size());
  Reader reader;
  size_t pos = 0, line = 0;
  while (pos < all.size() && !reader.done) {
    // Universal newlines, as Python's text mode: \r\n, \r and \n each end a line.
    size_t end = all.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = all.size();
    ESPT_TRY(reader.decode(all.substr(pos, end - pos), ++line));
    pos = end;
    if (pos < all.size()) pos += all.compare(pos, 2, "\r\n") == 0 ? 2 : 1;
  }
  return coalesce(std::move(reader.records));
}

Result<Bytes> intel_hex_to_bin(std::span<const uint8_t> text, std::optional<uint32_t> start) {
  ESPT_ASSIGN(segments, parse_intel_hex(text));
  if (segments.empty()) return Bytes{};
  uint64_t lo = start.value_or(segments.front().address);
  uint64_t hi = uint64_t(segments.back().address) + segments.back().data.size() - 1;
  if (lo > hi) std::swap(lo, hi);  // intelhex's _get_start_end swaps reversed bounds
  const uint64_t span = hi - lo + 1;
  if (span > kMaxHexSpanBytes) {
    return make_error(
        Errc::kImageTooBig,
        strprintf("Intel HEX data spans 0x%llx bytes from 0x%llx; more than %llu MiB "
                  "is refused",
                  static_cast<unsigned long long>(span), static_cast<unsigned long long>(lo),
                  static_cast<unsigned long long>(kMaxHexSpanBytes >> 20)));
  }
  Bytes out(size_t(span), 0xFF);
  for (const auto& s : segments) {
    const uint64_t a = std::max<uint64_t>(s.address, lo);
    const uint64_t b = std::min<uint64_t>(uint64_t(s.address) + s.data.size(), hi + 1);
    if (a >= b) continue;
    std::copy(s.data.begin() + (a - s.address), s.data.begin() + (b - s.address),
              out.begin() + (a - lo));
  }
  return out;
}

}  // namespace esptool::image
