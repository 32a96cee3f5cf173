// How fast and how big documents::render_pdf is (issue 14): an ordonnance of 5 drugs, drawn on
// one thread, against a baseline drawn the same way in the same run (a one-page cairo PDF with one
// line of pango text), so that the ratio survives a noisy machine (bench/README.md). Prints
// generations per CPU-second, heap per generation (malloc is counted here, see below) and the
// RSS and heap after 1,000 more generations (a leak would show). Target: >= 50/s on one core.
// Run the release build: build/release/cabinet_pdf_bench [generations].
#include <cairo-pdf.h>
#include <malloc.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>

#include "documents/pdf.hpp"

namespace {

std::atomic<long> heap_in_use{0};
std::atomic<long> heap_peak{0};

}  // namespace

// Every allocation of the process (cairo, pango, glib, fontconfig, ours) goes through these:
// the bytes in use and their high-water mark, which the bench resets around one generation.
// Not under AddressSanitizer (the dev preset), which has its own malloc: heap figures read 0.
#if !defined(__SANITIZE_ADDRESS__)
extern "C" {
void* __libc_malloc(size_t);
void* __libc_calloc(size_t, size_t);
void* __libc_realloc(void*, size_t);
void* __libc_memalign(size_t, size_t);
void* __libc_valloc(size_t);
void* __libc_pvalloc(size_t);
void __libc_free(void*);
}

namespace {

void* counted(void* p) {
  if (p != nullptr) {
    const long now = heap_in_use += static_cast<long>(malloc_usable_size(p));
    long peak = heap_peak.load(std::memory_order_relaxed);
    while (now > peak && !heap_peak.compare_exchange_weak(peak, now)) {
    }
  }
  return p;
}

void uncount(void* p) {
  if (p != nullptr) heap_in_use -= static_cast<long>(malloc_usable_size(p));
}

}  // namespace

extern "C" {
void* malloc(size_t n) { return counted(__libc_malloc(n)); }
void* calloc(size_t n, size_t size) { return counted(__libc_calloc(n, size)); }
void free(void* p) {
  uncount(p);
  __libc_free(p);
}
void* realloc(void* p, size_t n) {
  uncount(p);
  return counted(__libc_realloc(p, n));
}
void* memalign(size_t alignment, size_t n) { return counted(__libc_memalign(alignment, n)); }
void* aligned_alloc(size_t alignment, size_t n) { return memalign(alignment, n); }
int posix_memalign(void** out, size_t alignment, size_t n) {
  *out = memalign(alignment, n);
  return *out != nullptr || n == 0 ? 0 : ENOMEM;
}
void* valloc(size_t n) { return counted(__libc_valloc(n)); }
void* pvalloc(size_t n) { return counted(__libc_pvalloc(n)); }
}
#endif

namespace {

using cabinet::documents::Kind;
using cabinet::documents::Rendering;

Rendering five_drugs() {
  Rendering r;
  r.kind = Kind::prescription;
  r.title = "Ordonnance";
  r.issued_on = "7 décembre 2026";
  r.place = "Téléconsultation";
  r.standin_notice = "Document de démonstration — non transmis à l'Assurance Maladie";
  r.prescriber = {"Dr Claire Martin", "Médecin généraliste", "10101010101",
                  "12 rue de la Paix, 75002 Paris", "01 23 45 67 89"};
  r.patient = {"Léa", "Dupont", "female", "3 mars 1988", std::nullopt, std::nullopt};
  cabinet::documents::PrescriptionBody b;
  b.drugs = {
      {"Amoxicilline 1 g", "1 g", "comprimé dispersible", "1 comprimé matin et soir", "6 jours", 0},
      {"Paracétamol", "500 mg", "gélule", "2 gélules jusqu'à 3 fois par jour si fièvre", "1 boîte",
       2},
      {"Ibuprofène", "200 mg", "comprimé", "1 comprimé 3 fois par jour au repas", "3 jours", 0},
      {"Sérum physiologique", "", "unidose", "Lavage de nez 4 fois par jour", "1 boîte", 0},
      {"Carbocistéine", "5 %", "sirop", "1 cuillère à soupe 3 fois par jour", "5 jours", 0}};
  b.number = "RX7K2M9Q4";
  b.verify_url = "https://cabinet.example.fr/verifier/RX7K2M9Q4?cle=3q2-7wEjRVZ4kLqT0xM9Ag";
  r.prescription = b;
  return r;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// The least a PDF with text costs: a surface, one pango line, the font subset, finish.
std::string baseline() {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, 595.276, 841.89);
  cairo_t* cr = cairo_create(surface);
  PangoLayout* layout = pango_cairo_create_layout(cr);
  PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans 10");
  pango_layout_set_font_description(layout, font);
  pango_layout_set_text(layout, "Ordonnance — Dr Claire Martin", -1);
  cairo_move_to(cr, 50, 50);
  pango_cairo_show_layout(cr, layout);
  pango_font_description_free(font);
  g_object_unref(layout);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

double cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double rss_mib() {
  long pages = 0;
  long resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / (1 << 20);
}

struct Measure {
  double per_second;  // generations per CPU-second of this thread
  double peak_kib;    // heap high-water mark of one generation above the heap before it
  std::size_t bytes;  // the PDF's size
};

Measure measure(const std::function<std::string()>& generate, int generations) {
  std::size_t bytes = 0;
  for (int i = 0; i < 20; ++i) bytes = generate().size();  // warm caches and the font map
  const long before = heap_in_use.load();
  heap_peak = before;
  bytes = generate().size();
  const double peak_kib = static_cast<double>(heap_peak.load() - before) / 1024;
  const double start = cpu_seconds();
  for (int i = 0; i < generations; ++i) bytes = generate().size();
  return {generations / (cpu_seconds() - start), peak_kib, bytes};
}

}  // namespace

int main(int argc, char** argv) {
  const int generations = argc > 1 ? std::atoi(argv[1]) : 1000;
  const auto rendering = five_drugs();
  const double rss_start = rss_mib();
  const auto render = [&] { return cabinet::documents::render_pdf(rendering); };
  (void)render();
  const double rss_first = rss_mib();

  const auto pdf = measure(render, generations);
  const auto base = measure(baseline, generations);

  // The leak check: rounds of 1,000 more generations must leave the heap and RSS where they were.
  // The first round may still fill bounded caches (glyphs, fonts); a leak grows every round.
  constexpr int kRounds = 3;
  long heap_growth[kRounds] = {};
  double rss_growth = 0;
  const double rss_before = rss_mib();
  for (long& growth : heap_growth) {
    const long heap_before = heap_in_use.load();
    for (int i = 0; i < 1000; ++i) (void)render();
    growth = heap_in_use.load() - heap_before;
  }
  rss_growth = rss_mib() - rss_before;
  const bool leak = heap_growth[kRounds - 1] > 0 && heap_growth[kRounds - 2] > 0;

  std::printf(
      "pdf render_pdf: ordonnance of 5 drugs, 1 page, %.1f KiB; %d generations, one thread\n",
      static_cast<double>(pdf.bytes) / 1024, generations);
  std::printf(
      "pdf render_pdf %8.1f generations/s per core (%.2f ms CPU each), heap peak %.0f KiB\n",
      pdf.per_second, 1000 / pdf.per_second, pdf.peak_kib);
  std::printf(
      "pdf baseline   %8.1f generations/s per core (%.2f ms CPU each), heap peak %.0f KiB "
      "(one-line, one-page cairo + pango PDF)\n",
      base.per_second, 1000 / base.per_second, base.peak_kib);
  std::printf("pdf ratio: render_pdf costs %.1fx the baseline's CPU and %.1fx its heap peak\n",
              base.per_second / pdf.per_second, pdf.peak_kib / base.peak_kib);
  std::printf(
      "pdf memory: RSS %.1f MiB at start, +%.1f MiB for the first generation (font map, "
      "fontconfig); 3 x 1,000 more: RSS %+.2f MiB, heap in use %+ld / %+ld / %+ld bytes\n",
      rss_start, rss_first - rss_start, rss_growth, heap_growth[0], heap_growth[1], heap_growth[2]);
  const bool pass = pdf.per_second >= 50;
  std::printf("pdf target >= 50 generations/s per core: %s; leak: %s\n", pass ? "PASS" : "FAIL",
              leak ? "HEAP GROWS EVERY ROUND" : "none");
  return pass && !leak ? 0 : 1;
}
