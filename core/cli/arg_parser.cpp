// The argparse algorithm, reduced to what esptool's tables need. Arguments are classified first
// (option or positional), then consumed left to right: an option takes its value from '=...',
// an attached short value or the next positional-looking word; a run of positional words fills
// as many positional specs as it can (greedy, like argparse's regex matching).
#include "core/cli/arg_parser.h"

#include <optional>

#include "core/base/bytes.h"
#include "core/cli/arg_types.h"
#include "core/cli/values.h"

namespace esptool::cli {
namespace {

// Long options match with '-' and '_' treated alike, so v5-style --flash-mode works.
std::string normalize_flag(std::string_view flag) {
  std::string out(flag);
  if (out.rfind("--", 0) == 0) {
    for (size_t i = 2; i < out.size(); ++i)
      if (out[i] == '-') out[i] = '_';
  }
  return out;
}

// argparse's '^-\d+$|^-\d*\.\d+$'.
bool looks_like_negative_number(const std::string& arg) {
  size_t digits_before = 0, digits_after = 0, dots = 0;
  for (size_t i = 1; i < arg.size(); ++i) {
    if (arg[i] == '.') ++dots;
    else if (arg[i] >= '0' && arg[i] <= '9') (dots ? digits_after : digits_before)++;
    else return false;
  }
  return dots == 0 ? digits_before > 0 : dots == 1 && digits_after > 0;
}

struct OptionMatch {
  const ArgSpec* spec = nullptr;  // nullptr with is_option: an unknown option
  std::string flag;               // the option string that matched
  std::optional<std::string> explicit_value;
};

struct Classified {
  bool is_option = false;
  OptionMatch match;
};

class Parser {
 public:
  Parser(const std::vector<ArgSpec>& specs, const std::string& prog, const Environment& env)
      : specs_(specs), prog_(prog), env_(env) {}

  Result<ArgValues> run(const std::vector<std::string>& args, bool stop_at_positional);

 private:
  Error fail(const std::string& message) const {
    return make_error(Errc::kBadArgument, prog_ + ": error: " + message,
                      "Run with -h for the accepted arguments.");
  }
  Error fail_arg(const ArgSpec& spec, const std::string& message) const {
    return fail("argument " + argument_name(spec) + ": " + message);
  }
  Result<Classified> classify(const std::string& arg) const;
  std::vector<OptionMatch> prefix_matches(const std::string& arg) const;
  Status store(const ArgSpec& spec, const std::string& raw);
  Status store_pairs(const ArgSpec& spec, const std::vector<std::string>& words);
  Status consume_option(const OptionMatch& m, const std::vector<std::string>& args,
                        const std::vector<Classified>& kinds, size_t& i);
  Status consume_positionals(const std::vector<std::string>& run, size_t& used);
  Status finish();

  const std::vector<ArgSpec>& specs_;
  const std::string& prog_;
  const Environment& env_;
  ArgValues out_;
  std::vector<const ArgSpec*> seen_;
  size_t next_positional_ = 0;
  size_t dashdash_at_ = SIZE_MAX;  // index of the first word after "--": options stop there
};

const ArgSpec* find_exact(const std::vector<ArgSpec>& specs, const std::string& flag) {
  const std::string want = normalize_flag(flag);
  for (const auto& s : specs)
    for (const auto& f : s.flags)
      if (normalize_flag(f) == want) return &s;
  return nullptr;
}

std::vector<OptionMatch> Parser::prefix_matches(const std::string& arg) const {
  std::vector<OptionMatch> found;
  if (arg.rfind("--", 0) == 0) {
    const size_t eq = arg.find('=');
    std::optional<std::string> value;
    if (eq != std::string::npos) value = arg.substr(eq + 1);
    // As typed first (argparse: "--flash_m" is --flash_mode, not --flash-mmu-page-size), then
    // with '-' and '_' alike.
    for (bool normalized : {false, true}) {
      auto spelled = [&](const std::string& f) { return normalized ? normalize_flag(f) : f; };
      const std::string prefix = spelled(arg.substr(0, eq));
      for (const auto& s : specs_)
        for (const auto& f : s.flags)
          if (f.rfind("--", 0) == 0 && spelled(f).rfind(prefix, 0) == 0)
            found.push_back({&s, f, value});
      if (!found.empty()) break;
    }
    return found;
  }
  // Single dash: "-ovalue" (a two-character option plus its value), or a prefix of "-fm".
  const std::string short_flag = arg.substr(0, 2);
  for (const auto& s : specs_) {
    for (const auto& f : s.flags) {
      if (f == short_flag) found.push_back({&s, f, arg.substr(2)});
      else if (f.rfind(arg, 0) == 0) found.push_back({&s, f, std::nullopt});
    }
  }
  return found;
}

Result<Classified> Parser::classify(const std::string& arg) const {
  Classified c;
  if (arg.size() < 2 || arg[0] != '-') return c;
  if (const ArgSpec* s = find_exact(specs_, arg)) {
    c.is_option = true;
    c.match = {s, arg, std::nullopt};
    return c;
  }
  const size_t eq = arg.find('=');
  if (eq != std::string::npos) {
    if (const ArgSpec* s = find_exact(specs_, arg.substr(0, eq))) {
      c.is_option = true;
      c.match = {s, arg.substr(0, eq), arg.substr(eq + 1)};
      return c;
    }
  }
  auto matches = prefix_matches(arg);
  if (matches.size() > 1) {
    std::string names;
    for (const auto& m : matches) names += (names.empty() ? "" : ", ") + m.flag;
    return fail(strprintf("ambiguous option: %s could match %s", arg.c_str(), names.c_str()));
  }
  if (matches.size() == 1) {
    c.is_option = true;
    c.match = matches[0];
    return c;
  }
  // Negative numbers and words with spaces are positionals, as in argparse.
  if (looks_like_negative_number(arg) || arg.find(' ') != std::string::npos) return c;
  c.is_option = true;  // unknown option: reported as unrecognized
  c.match = {nullptr, arg, std::nullopt};
  return c;
}

Status Parser::store(const ArgSpec& spec, const std::string& raw) {
  auto value = convert_value(spec, raw);
  if (!value.ok()) return fail_arg(spec, value.error().message());
  auto& slot = out_.values[spec.dest];
  if (spec.action == Action::kAppend) slot.push_back(value.value());
  else slot = {value.value()};
  return Status::Ok();
}

Status Parser::store_pairs(const ArgSpec& spec, const std::vector<std::string>& words) {
  Status ok = check_addr_filename_pairs(words);
  if (!ok.ok()) return fail_arg(spec, ok.error().message());
  out_.values[spec.dest] = words;
  return Status::Ok();
}

Status Parser::consume_option(const OptionMatch& m, const std::vector<std::string>& args,
                              const std::vector<Classified>& kinds, size_t& i) {
  const ArgSpec& spec = *m.spec;
  for (const ArgSpec* other : seen_) {
    if (!spec.exclusive_group.empty() && other != &spec &&
        other->exclusive_group == spec.exclusive_group) {
      return fail_arg(spec, "not allowed with argument " + argument_name(*other));
    }
  }
  seen_.push_back(&spec);
  ++i;
  if (spec.action == Action::kStoreTrue) {
    if (m.explicit_value) {
      return fail_arg(spec, "ignored explicit argument " + py_repr(*m.explicit_value));
    }
    out_.values[spec.dest] = {"1"};
    return Status::Ok();
  }
  if (m.explicit_value) return store(spec, *m.explicit_value);
  if (spec.nargs == Nargs::kOneOrMore) {  // --encrypt-files A F [A F ...]
    std::vector<std::string> words;
    while (i < args.size() && !kinds[i].is_option && i != dashdash_at_) words.push_back(args[i++]);
    if (words.empty()) return fail_arg(spec, "expected at least one argument");
    return store_pairs(spec, words);
  }
  const bool has_next = i < args.size() && !kinds[i].is_option && i != dashdash_at_;
  if (!has_next) {
    if (spec.nargs == Nargs::kOptional) {
      out_.values.erase(spec.dest);  // argparse stores const (None) for a bare '?' option
      return Status::Ok();
    }
    return fail_arg(spec, "expected one argument");
  }
  return store(spec, args[i++]);
}

Status Parser::consume_positionals(const std::vector<std::string>& run, size_t& used) {
  std::vector<const ArgSpec*> pending;
  for (const auto& s : specs_)
    if (s.flags.empty()) pending.push_back(&s);
  pending.erase(pending.begin(), pending.begin() + long(next_positional_));
  // Fill as many specs as the run allows; each takes the most it can while leaving the
  // minimum for the ones after it (argparse's greedy regex over 'A' runs).
  size_t count = pending.size();
  auto min_of = [](const ArgSpec* s) { return s->nargs == Nargs::kOptional ? 0u : 1u; };
  while (count > 0) {
    size_t need = 0;
    for (size_t k = 0; k < count; ++k) need += min_of(pending[k]);
    if (need <= run.size()) break;
    --count;
  }
  used = 0;
  for (size_t k = 0; k < count; ++k) {
    size_t rest_min = 0;
    for (size_t j = k + 1; j < count; ++j) rest_min += min_of(pending[j]);
    const ArgSpec& spec = *pending[k];
    const size_t avail = run.size() - used - rest_min;
    const size_t take = spec.nargs == Nargs::kOneOrMore ? avail : std::min<size_t>(avail, 1);
    std::vector<std::string> words(run.begin() + long(used), run.begin() + long(used + take));
    used += take;
    ++next_positional_;
    if (spec.type == ValueType::kAddrFilename) {
      ESPT_TRY(store_pairs(spec, words));
    } else if (!words.empty()) {
      ESPT_TRY(store(spec, words[0]));
    }
  }
  return Status::Ok();
}

Result<ArgValues> Parser::run(const std::vector<std::string>& args, bool stop_at_positional) {
  std::vector<Classified> kinds;
  std::vector<std::string> words;
  std::vector<size_t> origin;  // index in `args` of each word
  bool only_positionals = false;
  for (size_t k = 0; k < args.size(); ++k) {
    const std::string& a = args[k];
    if (!only_positionals && a == "--") {
      only_positionals = true;
      dashdash_at_ = words.size();
      continue;
    }
    words.push_back(a);
    origin.push_back(k);
    if (only_positionals) {
      kinds.push_back({});
      continue;
    }
    ESPT_ASSIGN(c, classify(a));
    kinds.push_back(c);
  }
  size_t i = 0;
  while (i < words.size()) {
    if (kinds[i].is_option) {
      const OptionMatch& m = kinds[i].match;
      if (!m.spec) {
        out_.unrecognized.push_back(words[i++]);
        continue;
      }
      if (m.spec->dest == "help") {
        out_.wants_help = true;
        return out_;
      }
      ESPT_TRY(consume_option(m, words, kinds, i));
      continue;
    }
    if (stop_at_positional) {
      // The command's parser sees everything after the command as typed, "--" included.
      out_.rest.assign(args.begin() + long(origin[i]), args.end());
      break;
    }
    size_t end = i;
    while (end < words.size() && !kinds[end].is_option) ++end;
    std::vector<std::string> run(words.begin() + long(i), words.begin() + long(end));
    size_t used = 0;
    ESPT_TRY(consume_positionals(run, used));
    for (size_t k = used; k < run.size(); ++k) out_.unrecognized.push_back(run[k]);
    i = end;
  }
  ESPT_TRY(finish());
  return out_;
}

Status Parser::finish() {
  std::string missing;
  for (size_t k = 0; k < specs_.size(); ++k) {
    const ArgSpec& s = specs_[k];
    if (out_.values.count(s.dest)) continue;
    const bool positional = s.flags.empty();
    bool consumed = false;
    if (positional) {
      size_t index = 0;
      for (size_t j = 0; j < k; ++j) index += specs_[j].flags.empty() ? 1 : 0;
      consumed = index < next_positional_;
    }
    if ((positional && !consumed && s.nargs != Nargs::kOptional) || s.required) {
      missing += (missing.empty() ? "" : ", ") + argument_name(s);
      continue;
    }
    auto env = s.env.empty() ? env_.end() : env_.find(s.env);
    if (env != env_.end()) {
      ESPT_TRY(store(s, env->second));
    } else if (s.has_default) {
      ESPT_TRY(store(s, s.default_value));
    }
  }
  if (!missing.empty()) return fail("the following arguments are required: " + missing);
  return Status::Ok();
}

}  // namespace

std::string argument_name(const ArgSpec& spec) {
  if (spec.flags.empty()) return spec.metavar.empty() ? spec.dest : spec.metavar;
  std::string out;
  for (const auto& f : spec.flags) out += (out.empty() ? "" : "/") + f;
  return out;
}

Result<ArgValues> parse_args(const std::vector<ArgSpec>& specs, const std::vector<std::string>& args,
                             const std::string& prog, const Environment& env,
                             bool stop_at_positional) {
  Parser parser(specs, prog, env);
  return parser.run(args, stop_at_positional);
}

std::vector<std::string> help_lines(const std::vector<ArgSpec>& specs, const std::string& prog,
                                    const std::string& description) {
  std::string usage = "usage: " + prog;
  for (const auto& s : specs) {
    if (s.dest == "help") continue;
    const std::string name = argument_name(s);
    usage += " " + (s.flags.empty() || s.required ? name : "[" + name + "]");
  }
  std::vector<std::string> lines{usage};
  if (!description.empty()) lines.push_back(description);
  lines.emplace_back();
  for (const auto& s : specs) {
    std::string line = "  " + argument_name(s);
    if (!s.choices.empty()) {
      std::string list;
      for (const auto& c : s.choices) list += (list.empty() ? "" : ",") + c;
      line += " {" + list + "}";
    }
    if (line.size() < 40) line.resize(40, ' ');
    else line += "  ";
    lines.push_back(line + s.help);
  }
  return lines;
}

}  // namespace esptool::cli
