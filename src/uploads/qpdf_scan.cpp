// The walk looks at every indirect object and every direct object inside it, whatever the
// document's structure says is reachable: a viewer may find an action the page tree does not
// point at. C++17 only (qpdf_scan.hpp).
#include "uploads/qpdf_scan.hpp"

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <exception>
#include <optional>

namespace cabinet::uploads::qpdf_scan {
namespace {

constexpr int kMaxDepth = 32;  // direct objects nest rarely; a deeper file is not a document

std::optional<Finding> action_type(QPDFObjectHandle dict) {
  if (dict.hasKey("/JS")) return Finding::script;
  auto s = dict.getKey("/S");
  if (!s.isName()) return std::nullopt;
  const auto name = s.getName();
  if (name == "/JavaScript") return Finding::script;
  if (name == "/Launch") return Finding::launch;
  if (name == "/URI" || name == "/SubmitForm" || name == "/ImportData" || name == "/GoToR" ||
      name == "/GoToE")
    return Finding::link;
  if (name == "/RichMediaExecute") return Finding::media;
  return std::nullopt;
}

// The action an automatic trigger would run, when it is one of the above.
Finding triggered(QPDFObjectHandle value) {
  if (value.isDictionary()) {
    if (auto f = action_type(value)) return *f;
    for (const auto& key : value.getKeys()) {
      auto action = value.getKey(key);
      if (!action.isDictionary()) continue;
      if (auto f = action_type(action)) return *f;
    }
  }
  return Finding::automatic;
}

std::optional<Finding> dictionary_finding(QPDFObjectHandle dict) {
  for (const auto& key : dict.getKeys()) {
    if (key == "/JS" || key == "/JavaScript") return Finding::script;
    if (key == "/Launch") return Finding::launch;
    if (key == "/EmbeddedFile" || key == "/EmbeddedFiles" || key == "/EF") return Finding::embedded;
    if (key == "/RichMedia" || key == "/RichMediaContent" || key == "/RichMediaSettings")
      return Finding::media;
    if (key == "/XFA") return Finding::form;
    if (key == "/AA") return triggered(dict.getKey(key));
    // A destination (an array: "open at page 1") is harmless; an action dictionary is not.
    if (key == "/OpenAction" && dict.getKey(key).isDictionary()) return triggered(dict.getKey(key));
  }
  for (const char* key : {"/Type", "/Subtype"}) {
    auto t = dict.getKey(key);
    if (!t.isName()) continue;
    const auto name = t.getName();
    if (name == "/EmbeddedFile" || name == "/FileAttachment") return Finding::embedded;
    if (name == "/RichMedia" || name == "/Movie" || name == "/Sound" || name == "/Screen" ||
        name == "/3D")
      return Finding::media;
  }
  // An action a reader starts by clicking: a web link (a lab's site, a QR's address) is what
  // ordinary results carry, and the viewer asks before following it; sending form data, opening
  // other files, scripts and programs are refused wherever they are.
  auto clicked = action_type(dict);
  if (clicked == Finding::link && dict.getKey("/S").isName() &&
      dict.getKey("/S").getName() == "/URI")
    return std::nullopt;
  return clicked;
}

// Direct children only: indirect ones are visited from the list of every object.
std::optional<Finding> walk(QPDFObjectHandle o, int depth) {
  if (depth > kMaxDepth) return Finding::automatic;
  if (o.isStream()) return walk(o.getDict(), depth + 1);
  if (o.isDictionary()) {
    if (auto f = dictionary_finding(o)) return f;
    for (const auto& key : o.getKeys()) {
      auto child = o.getKey(key);
      if (child.isIndirect()) continue;
      if (auto f = walk(child, depth + 1)) return f;
    }
  } else if (o.isArray()) {
    for (auto& child : o.aitems()) {
      if (child.isIndirect()) continue;
      if (auto f = walk(child, depth + 1)) return f;
    }
  }
  return std::nullopt;
}

}  // namespace

Outcome rewrite(std::string_view bytes) {
  try {
    QPDF pdf;
    pdf.setSuppressWarnings(true);
    pdf.processMemoryFile("upload.pdf", bytes.data(), bytes.size());
    if (pdf.getRoot().getKey("/Pages").isNull()) return {Finding::unreadable, {}};
    for (auto& object : pdf.getAllObjects()) {
      if (auto f = walk(object, 0)) return {*f, {}};
    }
    // The trailer is no indirect object: its own keys are looked at too.
    if (auto f = walk(pdf.getTrailer(), 0)) return {*f, {}};
    if (pdf.getAllPages().empty()) return {Finding::unreadable, {}};

    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // Streams are copied as they are: decoding them here would let a small file expand into
    // gigabytes (a compression bomb) on the server.
    writer.setDecodeLevel(qpdf_dl_none);
    writer.setCompressStreams(false);
    writer.setPreserveEncryption(false);
    writer.setSuppressOriginalObjectIDs(true);
    writer.write();
    auto buffer = writer.getBufferSharedPointer();
    return {Finding::none,
            std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize())};
  } catch (const std::exception&) {
    return {Finding::unreadable, {}};
  }
}

}  // namespace cabinet::uploads::qpdf_scan
