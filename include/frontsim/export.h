/* FSIM_API marks what libfrontsim exports. The library is compiled with hidden
 * visibility, so a symbol without it stays inside the library: a shared build
 * exports the public API and nothing else (tests/install checks this with nm). */
#ifndef FRONTSIM_EXPORT_H
#define FRONTSIM_EXPORT_H

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(FRONTSIM_BUILDING_SHARED)
#define FSIM_API __declspec(dllexport)
#elif defined(FRONTSIM_SHARED)
#define FSIM_API __declspec(dllimport)
#else
#define FSIM_API
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define FSIM_API __attribute__((visibility("default")))
#else
#define FSIM_API
#endif

#endif
