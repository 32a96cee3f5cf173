#include "accounts/password.hpp"

#include <pwquality.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

namespace cabinet::accounts {
namespace {

Error rule(std::string fr, std::string en) {
  return Error::invalid("password", std::move(fr), std::move(en));
}

// Weak bases seen again and again in leaked password lists, written down here by hand; the
// dictionaries below catch ordinary words, these catch the rest (keyboard rows, "motdepasse").
constexpr std::array<std::string_view, 48> kCommonCores{
    "password",   "passwd",     "motdepasse",       "motpasse",   "azerty",    "qwerty",
    "azertyuiop", "qwertyuiop", "qwertz",           "wxcvbn",     "asdfgh",    "soleil",
    "bonjour",    "doudou",     "loulou",           "chouchou",   "marseille", "paris",
    "france",     "coucou",     "princesse",        "chocolat",   "jetaime",   "iloveyou",
    "admin",      "welcome",    "bienvenue",        "letmein",    "monkey",    "dragon",
    "football",   "sunshine",   "shadow",           "superman",   "batman",    "master",
    "secret",     "changeme",   "cabinet",          "doctolib",   "sante",     "medecin",
    "docteur",    "patient",    "teleconsultation", "ordonnance", "toto",      "test"};

// Folds an accented Latin letter (UTF-8, two bytes) to ASCII; 0 when not one we fold.
char fold_accent(unsigned char lead, unsigned char next) {
  if (lead != 0xc3) return 0;
  switch (next) {
    case 0xa0:
    case 0xa2:
    case 0xa4:
    case 0x80:
    case 0x82:
    case 0x84:
      return 'a';
    case 0xa7:
    case 0x87:
      return 'c';
    case 0xa8:
    case 0xa9:
    case 0xaa:
    case 0xab:
    case 0x88:
    case 0x89:
    case 0x8a:
    case 0x8b:
      return 'e';
    case 0xae:
    case 0xaf:
    case 0x8e:
    case 0x8f:
      return 'i';
    case 0xb4:
    case 0xb6:
    case 0x94:
    case 0x96:
      return 'o';
    case 0xb9:
    case 0xbb:
    case 0xbc:
    case 0x99:
    case 0x9b:
    case 0x9c:
      return 'u';
    default:
      return 0;
  }
}

std::string fold_word(std::string_view word, bool leet) {
  std::string out;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c >= 0x80) {
      if (i + 1 < word.size()) {
        if (char f = fold_accent(c, static_cast<unsigned char>(word[i + 1]))) {
          out.push_back(f);
          ++i;
        }
      }
      continue;
    }
    if (std::isalpha(c) != 0) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (leet) {
      switch (c) {
        case '0':
          out.push_back('o');
          break;
        case '1':
        case '!':
          out.push_back('i');
          break;
        case '3':
          out.push_back('e');
          break;
        case '4':
        case '@':
          out.push_back('a');
          break;
        case '5':
        case '$':
          out.push_back('s');
          break;
        case '7':
          out.push_back('t');
          break;
        default:
          break;
      }
    }
  }
  return out;
}

// The French word list of Debian's wfrench, folded and sorted once, kept as one blob (~4 MB)
// with offsets: binary search without a string object per word.
class FrenchWords {
 public:
  static const FrenchWords& get() {
    static const FrenchWords words;
    return words;
  }
  [[nodiscard]] bool contains(std::string_view w) const {
    return std::binary_search(offsets_.begin(), offsets_.end(), w,
                              [this](const auto& a, const auto& b) { return view(a) < view(b); });
  }

 private:
  struct Entry {
    std::uint32_t at;
    std::uint32_t size;
  };
  FrenchWords() {
    std::ifstream in("/usr/share/dict/french");
    std::string line;
    std::vector<std::string> words;
    while (std::getline(in, line)) {
      if (line.find_first_of("'- ") != std::string::npos) continue;
      auto w = fold_word(line, false);
      if (w.size() >= 4) words.push_back(std::move(w));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    for (const auto& w : words) {
      offsets_.push_back(
          {static_cast<std::uint32_t>(blob_.size()), static_cast<std::uint32_t>(w.size())});
      blob_ += w;
    }
  }
  [[nodiscard]] std::string_view view(const Entry& e) const {
    return std::string_view(blob_).substr(e.at, e.size);
  }
  [[nodiscard]] static std::string_view view(std::string_view s) { return s; }
  std::string blob_;
  std::vector<Entry> offsets_;
};

bool common_core(std::string_view core) {
  return std::find(kCommonCores.begin(), kCommonCores.end(), core) != kCommonCores.end();
}

// libpwquality (cracklib underneath) is not known to be thread-safe: one call at a time.
std::mutex g_pwquality;

int pwquality(std::string_view password, std::string_view user) {
  std::lock_guard lock(g_pwquality);
  pwquality_settings_t* settings = pwquality_default_settings();
  // Our own rules cover length and character classes with clearer messages; libpwquality adds
  // the dictionary, the user-name check, repetitions and sequences.
  pwquality_set_int_value(settings, PWQ_SETTING_MIN_LENGTH, 6);
  for (int s : {PWQ_SETTING_DIG_CREDIT, PWQ_SETTING_UP_CREDIT, PWQ_SETTING_LOW_CREDIT,
                PWQ_SETTING_OTH_CREDIT}) {
    pwquality_set_int_value(settings, s, 0);
  }
  pwquality_set_int_value(settings, PWQ_SETTING_MAX_REPEAT, 3);
  pwquality_set_int_value(settings, PWQ_SETTING_MAX_SEQUENCE, 4);
  const std::string pw(password);
  const std::string u(user);
  void* aux = nullptr;
  const int r =
      pwquality_check(settings, pw.c_str(), nullptr, u.empty() ? nullptr : u.c_str(), &aux);
  // `aux` is not always heap memory (some errors carry a number in it): it is not freed.
  pwquality_free_settings(settings);
  return r;
}

}  // namespace

std::string letter_core(std::string_view password) {
  // Digits and symbols added before or after a word ("Bonjour2025!!") are set aside; inside
  // the word they are read as the letters they imitate ("P@ssw0rd").
  auto is_letter = [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) != 0 ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  const auto first = std::find_if(password.begin(), password.end(), is_letter);
  const auto last = std::find_if(password.rbegin(), password.rend(), is_letter).base();
  if (first >= last) return "";
  return fold_word(std::string_view(&*first, static_cast<std::size_t>(last - first)), true);
}

Result<void> check_password_policy(std::string_view password, std::string_view email,
                                   std::string_view first_name, std::string_view last_name,
                                   std::size_t min_length) {
  std::size_t characters = 0;
  bool upper = false;
  bool lower = false;
  bool digit_or_special = false;
  for (char ch : password) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xc0U) != 0x80U) ++characters;
    if (c < 0x20 || c == 0x7f) {
      return rule("Le mot de passe contient un caractère non autorisé.",
                  "The password contains a character that is not allowed.");
    }
    if (std::isupper(c) != 0)
      upper = true;
    else if (std::islower(c) != 0)
      lower = true;
    else
      digit_or_special = true;  // digits, punctuation, spaces, accented letters
  }
  if (characters < min_length) {
    const auto n = std::to_string(min_length);
    return rule("Le mot de passe doit comporter au moins " + n + " caractères.",
                "The password must be at least " + n + " characters long.");
  }
  if (password.size() > 256) {
    return rule("Le mot de passe ne doit pas dépasser 256 caractères.",
                "The password must not exceed 256 characters.");
  }
  if (!upper) {
    return rule("Le mot de passe doit contenir au moins une majuscule.",
                "The password must contain at least one upper-case letter.");
  }
  if (!lower) {
    return rule("Le mot de passe doit contenir au moins une minuscule.",
                "The password must contain at least one lower-case letter.");
  }
  if (!digit_or_special) {
    return rule("Le mot de passe doit contenir au moins un chiffre ou un caractère spécial.",
                "The password must contain at least one digit or special character.");
  }
  const std::string core = letter_core(password);
  const std::string local = fold_word(email.substr(0, email.find('@')), false);
  for (const auto& name : {local, fold_word(first_name, false), fold_word(last_name, false)}) {
    if (name.size() >= 3 && core.find(name) != std::string::npos) {
      return rule("Le mot de passe ne doit pas contenir votre nom ni votre adresse e-mail.",
                  "The password must not contain your name or your email address.");
    }
  }
  const bool dictionary =
      core.size() >= 4 && (common_core(core) || FrenchWords::get().contains(core));
  const int quality = pwquality(password, email.substr(0, email.find('@')));
  if (dictionary || quality == PWQ_ERROR_CRACKLIB_CHECK || quality == PWQ_ERROR_BAD_WORDS ||
      (core.size() >= 4 && pwquality(core, "") == PWQ_ERROR_CRACKLIB_CHECK)) {
    return rule(
        "Ce mot de passe est trop courant : il repose sur un mot du dictionnaire ou un "
        "mot de passe connu. Choisissez-en un autre, par exemple trois mots sans rapport.",
        "This password is too common: it is based on a dictionary word or a known "
        "password. Choose another one, for instance three unrelated words.");
  }
  if (quality == PWQ_ERROR_USER_CHECK || quality == PWQ_ERROR_GECOS_CHECK) {
    return rule("Le mot de passe ne doit pas contenir votre nom ni votre adresse e-mail.",
                "The password must not contain your name or your email address.");
  }
  if (quality == PWQ_ERROR_MAX_CONSECUTIVE || quality == PWQ_ERROR_MAX_SEQUENCE ||
      quality == PWQ_ERROR_MAX_CLASS_REPEAT || quality == PWQ_ERROR_PALINDROME) {
    return rule(
        "Le mot de passe est trop prévisible : évitez les suites (12345, abcde) et les "
        "répétitions (aaaa).",
        "The password is too predictable: avoid sequences (12345, abcde) and "
        "repetitions (aaaa).");
  }
  return ok();
}

std::string hash_password(std::string_view password, const HashingCost& cost) {
  std::array<char, crypto_pwhash_STRBYTES> out{};
  if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.ops, cost.memory,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("out of memory while hashing a password");
  }
  return out.data();
}

bool verify_password(std::string_view hash, std::string_view password) {
  const std::string h(hash);
  return crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash, const HashingCost& cost) {
  const std::string h(hash);
  return crypto_pwhash_str_needs_rehash(h.c_str(), cost.ops, cost.memory) != 0;
}

}  // namespace cabinet::accounts
