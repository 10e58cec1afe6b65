// What one core of this machine can do, to read the bench's GFLOP/s against: the clock it runs at
// (a chain of dependent adds, one per cycle) and the peak of 128-bit SIMD float32 multiply-then-add
// without FMA, the instructions WebAssembly SIMD has (eight independent mulps + addps pairs per
// iteration; each pair is 8 FLOPs, so two pipes of each give 16 FLOPs a cycle at best).
//
// Usage: gcc -O2 -mavx bench/native/cpu-peak.c -o /tmp/cpu-peak && /tmp/cpu-peak
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

static double seconds(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  const long adds = 2000000000;
  unsigned long x = 1;
  double start = seconds();
  for (long i = 0; i < adds; i++) __asm__ volatile("add $1, %0\n\tadd $1, %0\n\tadd $1, %0\n\tadd $1, %0" : "+r"(x));
  const double ghz = 4.0 * adds / (seconds() - start) / 1e9;
  printf("clock: %.2f GHz (4 dependent adds per iteration, %lu)\n", ghz, x);

  const long iterations = 200000000;
  __m128 c0 = _mm_set1_ps(0), c1 = c0, c2 = c0, c3 = c0, c4 = c0, c5 = c0, c6 = c0, c7 = c0;
  const __m128 a = _mm_set1_ps(1.0000001f), b = _mm_set1_ps(0.9999999f);
  start = seconds();
  for (long i = 0; i < iterations; i++) {
    __asm__ volatile(
        "vmulps %[a], %[b], %%xmm8\n\tvaddps %%xmm8, %[c0], %[c0]\n\t"
        "vmulps %[a], %[b], %%xmm9\n\tvaddps %%xmm9, %[c1], %[c1]\n\t"
        "vmulps %[a], %[b], %%xmm10\n\tvaddps %%xmm10, %[c2], %[c2]\n\t"
        "vmulps %[a], %[b], %%xmm11\n\tvaddps %%xmm11, %[c3], %[c3]\n\t"
        "vmulps %[a], %[b], %%xmm8\n\tvaddps %%xmm8, %[c4], %[c4]\n\t"
        "vmulps %[a], %[b], %%xmm9\n\tvaddps %%xmm9, %[c5], %[c5]\n\t"
        "vmulps %[a], %[b], %%xmm10\n\tvaddps %%xmm10, %[c6], %[c6]\n\t"
        "vmulps %[a], %[b], %%xmm11\n\tvaddps %%xmm11, %[c7], %[c7]\n\t"
        : [c0] "+x"(c0), [c1] "+x"(c1), [c2] "+x"(c2), [c3] "+x"(c3), [c4] "+x"(c4), [c5] "+x"(c5), [c6] "+x"(c6), [c7] "+x"(c7)
        : [a] "x"(a), [b] "x"(b)
        : "xmm8", "xmm9", "xmm10", "xmm11");
  }
  const double elapsed = seconds() - start;
  float sink[4];
  _mm_storeu_ps(sink, _mm_add_ps(_mm_add_ps(c0, c1), _mm_add_ps(c6, c7)));
  printf("128-bit mul+add: %.1f GFLOP/s, %.2f cycles per 8 pairs at %.2f GHz (%g)\n", 64.0 * iterations / elapsed / 1e9, elapsed * ghz * 1e9 / iterations, ghz, sink[0]);
  return 0;
}
