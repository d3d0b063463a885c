;; Bulk sampling kernel of @kronos/risk: standard normals (xoshiro128** words
;; into a 128-layer ziggurat) and the exponential function, two lanes at a
;; time. Every result is bit for bit what the package's JavaScript computes:
;; the generator and ziggurat steps are the same integer and double
;; operations as `fillNormal`, and `$expInPlace` is fdlibm's exp (which is
;; what V8's Math.exp runs) written for f64x2 lanes. The host (kernel.ts)
;; fills the tables, places the buffers and copies results out.
;;
;; Memory layout (bytes): 0..16 generator state s0..s3; 64.. kn (128 x i32);
;; 1024.. wn (128 x f64); 2048.. fn (128 x f64); buffers from 4096, chosen by
;; the host.
(module
  ;; Math.exp and Math.log (V8 calls its C functions for these directly): the
  ;; ziggurat's wedge and tail tests, and lanes outside the vector exp's domain.
  (import "host" "exp" (func $exp (param f64) (result f64)))
  (import "host" "log" (func $log (param f64) (result f64)))
  ;; Throws the package's error when a rejection loop gives up (0: normal, 1: tail).
  (import "host" "rejectionExhausted" (func $rejectionExhausted (param i32)))
  (memory (export "memory") 2)

  ;; One xoshiro128** word from the state at 0..16 (the slow path's generator).
  (func $next (result i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $m i32) (local $t i32) (local $word i32)
    (local.set $s0 (i32.load offset=0 (i32.const 0)))
    (local.set $s1 (i32.load offset=4 (i32.const 0)))
    (local.set $s2 (i32.load offset=8 (i32.const 0)))
    (local.set $s3 (i32.load offset=12 (i32.const 0)))
    (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
    (local.set $word (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
    (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
    (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
    (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
    (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
    (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
    (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
    (i32.store offset=0 (i32.const 0) (local.get $s0))
    (i32.store offset=4 (i32.const 0) (local.get $s1))
    (i32.store offset=8 (i32.const 0) (local.get $s2))
    (i32.store offset=12 (i32.const 0) (local.get $s3))
    (local.get $word))

  ;; A uniform double in [0, 1) from 53 bits of two words, as Rng.nextFloat64.
  (func $nextFloat64 (result f64)
    (f64.div
      (f64.add
        (f64.mul (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 5))) (f64.const 67108864))
        (f64.convert_i32_u (i32.shr_u (call $next) (i32.const 6))))
      (f64.const 9007199254740992)))

  ;; The ziggurat's slow path (ziggurat.ts normalSlowPath): the wedge test, the
  ;; tail for layer 0, or a fresh draw; state at 0..16.
  (func $slow (param $hz i32) (param $index i32) (result f64)
    (local $attempt i32) (local $x f64)
    (loop $retry
      (local.set $x (f64.mul (f64.convert_i32_s (local.get $hz)) (f64.load offset=1024 (i32.shl (local.get $index) (i32.const 3)))))
      (if (i32.eqz (local.get $index)) (then (return (call $tail (i32.gt_s (local.get $hz) (i32.const 0))))))
      (if (f64.lt
            (f64.add
              (f64.load offset=2048 (i32.shl (local.get $index) (i32.const 3)))
              (f64.mul (call $nextFloat64)
                (f64.sub (f64.load offset=2040 (i32.shl (local.get $index) (i32.const 3))) (f64.load offset=2048 (i32.shl (local.get $index) (i32.const 3))))))
            (call $exp (f64.mul (f64.mul (f64.const -0.5) (local.get $x)) (local.get $x))))
        (then (return (local.get $x))))
      (local.set $index (i32.and (call $next) (i32.const 127)))
      (local.set $hz (call $next))
      (if (i32.lt_u
            (select (i32.sub (i32.const 0) (local.get $hz)) (local.get $hz) (i32.lt_s (local.get $hz) (i32.const 0)))
            (i32.load offset=64 (i32.shl (local.get $index) (i32.const 2))))
        (then (return (f64.mul (f64.convert_i32_s (local.get $hz)) (f64.load offset=1024 (i32.shl (local.get $index) (i32.const 3)))))))
      (local.set $attempt (i32.add (local.get $attempt) (i32.const 1)))
      (br_if $retry (i32.lt_u (local.get $attempt) (i32.const 1000))))
    (call $rejectionExhausted (i32.const 0))
    (unreachable))

  ;; Marsaglia's tail beyond r = 3.442619855899: x = -ln(U1) / r, accepted when -2 ln(U2) > x^2.
  (func $tail (param $positive i32) (result f64)
    (local $attempt i32) (local $x f64) (local $y f64)
    (loop $retry
      (local.set $x (f64.div (f64.neg (call $log (f64.sub (f64.const 1) (call $nextFloat64)))) (f64.const 3.442619855899)))
      (local.set $y (f64.neg (call $log (f64.sub (f64.const 1) (call $nextFloat64)))))
      (if (f64.ge (f64.add (local.get $y) (local.get $y)) (f64.mul (local.get $x) (local.get $x)))
        (then (return (select
          (f64.add (f64.const 3.442619855899) (local.get $x))
          (f64.sub (f64.const -3.442619855899) (local.get $x))
          (local.get $positive)))))
      (local.set $attempt (i32.add (local.get $attempt) (i32.const 1)))
      (br_if $retry (i32.lt_u (local.get $attempt) (i32.const 1000))))
    (call $rejectionExhausted (i32.const 1))
    (unreachable))

  ;; Writes n standard normals at ptr, advancing the state at 0..16.
  (func (export "normals") (param $ptr i32) (param $n i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $m i32) (local $t i32) (local $index i32) (local $hz i32) (local $end i32)
    (local.set $s0 (i32.load offset=0 (i32.const 0)))
    (local.set $s1 (i32.load offset=4 (i32.const 0)))
    (local.set $s2 (i32.load offset=8 (i32.const 0)))
    (local.set $s3 (i32.load offset=12 (i32.const 0)))
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
      (loop $draw
        ;; First word: the layer index (its low 7 bits).
        (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
        (local.set $index (i32.and (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)) (i32.const 127)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        ;; Second word: the signed abscissa hz.
        (local.set $m (i32.mul (local.get $s1) (i32.const 5)))
        (local.set $hz (i32.mul (i32.rotl (local.get $m) (i32.const 7)) (i32.const 9)))
        (local.set $t (i32.shl (local.get $s1) (i32.const 9)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $s0)))
        (local.set $s3 (i32.xor (local.get $s3) (local.get $s1)))
        (local.set $s1 (i32.xor (local.get $s1) (local.get $s2)))
        (local.set $s0 (i32.xor (local.get $s0) (local.get $s3)))
        (local.set $s2 (i32.xor (local.get $s2) (local.get $t)))
        (local.set $s3 (i32.rotl (local.get $s3) (i32.const 11)))
        ;; |hz| < kn[index], comparing unsigned so that |-2^31| = 2^31 fails as in JavaScript.
        (if (i32.lt_u
              (select (i32.sub (i32.const 0) (local.get $hz)) (local.get $hz) (i32.lt_s (local.get $hz) (i32.const 0)))
              (i32.load offset=64 (i32.shl (local.get $index) (i32.const 2))))
          (then
            (f64.store (local.get $ptr)
              (f64.mul (f64.convert_i32_s (local.get $hz)) (f64.load offset=1024 (i32.shl (local.get $index) (i32.const 3))))))
          (else
            (i32.store offset=0 (i32.const 0) (local.get $s0))
            (i32.store offset=4 (i32.const 0) (local.get $s1))
            (i32.store offset=8 (i32.const 0) (local.get $s2))
            (i32.store offset=12 (i32.const 0) (local.get $s3))
            (f64.store (local.get $ptr) (call $slow (local.get $hz) (local.get $index)))
            (local.set $s0 (i32.load offset=0 (i32.const 0)))
            (local.set $s1 (i32.load offset=4 (i32.const 0)))
            (local.set $s2 (i32.load offset=8 (i32.const 0)))
            (local.set $s3 (i32.load offset=12 (i32.const 0)))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 8)))
        (br_if $draw (i32.lt_u (local.get $ptr) (local.get $end)))))
    (i32.store offset=0 (i32.const 0) (local.get $s0))
    (i32.store offset=4 (i32.const 0) (local.get $s1))
    (i32.store offset=8 (i32.const 0) (local.get $s2))
    (i32.store offset=12 (i32.const 0) (local.get $s3)))

  ;; out[i] = m + s * z[i] for i < n (n even), two at a time.
  (func (export "affine1") (param $z i32) (param $out i32) (param $n i32) (param $m f64) (param $s f64)
    (local $end i32) (local $vm v128) (local $vs v128)
    (local.set $vm (f64x2.splat (local.get $m)))
    (local.set $vs (f64x2.splat (local.get $s)))
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
      (loop $pair
        (v128.store (local.get $out) (f64x2.add (local.get $vm) (f64x2.mul (local.get $vs) (v128.load (local.get $z)))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $z) (local.get $end))))))

  ;; Rows of two correlated draws: out = (m0 + l00 z0, (m1 + l10 z0) + l11 z1)
  ;; for each row (z0, z1), the order in which the scalar code adds. Lane 0
  ;; gains + 0 * z0, which leaves a non-zero sum as it is (and exp(+-0) = 1).
  (func (export "affine2") (param $z i32) (param $out i32) (param $rows i32)
        (param $m0 f64) (param $m1 f64) (param $l00 f64) (param $l10 f64) (param $l11 f64)
    (local $end i32) (local $vm v128) (local $first v128) (local $second v128) (local $row v128)
    (local.set $vm (f64x2.replace_lane 1 (f64x2.splat (local.get $m0)) (local.get $m1)))
    (local.set $first (f64x2.replace_lane 1 (f64x2.splat (local.get $l00)) (local.get $l10)))
    (local.set $second (f64x2.replace_lane 1 (f64x2.splat (f64.const 0)) (local.get $l11)))
    (local.set $end (i32.add (local.get $z) (i32.shl (local.get $rows) (i32.const 4))))
    (block $done
      (br_if $done (i32.ge_u (local.get $z) (local.get $end)))
      (loop $pair
        (local.set $row (v128.load (local.get $z)))
        (v128.store (local.get $out)
          (f64x2.add
            (f64x2.add (local.get $vm)
              (f64x2.mul (local.get $first) (i8x16.shuffle 0 1 2 3 4 5 6 7 0 1 2 3 4 5 6 7 (local.get $row) (local.get $row))))
            (f64x2.mul (local.get $second) (local.get $row))))
        (local.set $z (i32.add (local.get $z) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $z) (local.get $end))))))

  ;; Rows of k correlated draws: out[r k + i] = mean[i] + sum over j <= i of
  ;; factor[i k + j] z[r k + j], added from j = 0 up; mean and factor (row-major
  ;; lower triangle) are at $params.
  (func (export "affineK") (param $z i32) (param $out i32) (param $rows i32) (param $k i32) (param $params i32)
    (local $r i32) (local $i i32) (local $j i32) (local $x f64) (local $factor i32) (local $rowBytes i32)
    (local.set $factor (i32.add (local.get $params) (i32.shl (local.get $k) (i32.const 3))))
    (local.set $rowBytes (i32.shl (local.get $k) (i32.const 3)))
    (block $rowsDone
      (br_if $rowsDone (i32.eqz (local.get $rows)))
      (loop $eachRow
        (local.set $i (i32.const 0))
        (loop $eachAsset
          (local.set $x (f64.load (i32.add (local.get $params) (i32.shl (local.get $i) (i32.const 3)))))
          (local.set $j (i32.const 0))
          (loop $eachTerm
            (local.set $x (f64.add (local.get $x)
              (f64.mul
                (f64.load (i32.add (local.get $factor) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $k)) (local.get $j)) (i32.const 3))))
                (f64.load (i32.add (local.get $z) (i32.shl (local.get $j) (i32.const 3)))))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br_if $eachTerm (i32.le_u (local.get $j) (local.get $i))))
          (f64.store (i32.add (local.get $out) (i32.shl (local.get $i) (i32.const 3))) (local.get $x))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $eachAsset (i32.lt_u (local.get $i) (local.get $k))))
        (local.set $z (i32.add (local.get $z) (local.get $rowBytes)))
        (local.set $out (i32.add (local.get $out) (local.get $rowBytes)))
        (local.set $r (i32.add (local.get $r) (i32.const 1)))
        (br_if $eachRow (i32.lt_u (local.get $r) (local.get $rows))))))

  ;; x[i] = exp(x[i]) for i < n (n even): fdlibm's __ieee754_exp on two lanes.
  ;; Reduction: k = 0 when |x| <= 0.5 ln 2, sign(x) when |x| < 1.5 ln 2, else
  ;; trunc(x / ln 2 + sign(x) / 2); r = hi - lo with hi = x - k ln2hi, lo = k ln2lo;
  ;; exp(x) = 2^k (1 - ((lo - r c / (2 - c)) - hi)) with c = r - r^2 P(r^2);
  ;; 1 + x when |x| < 2^-28, and e for x = 1 (V8's one departure from fdlibm).
  ;; With k = 0 this is fdlibm's k = 0 formula exactly
  ;; (c - 2 = -(2 - c) and 0 - q = -q in IEEE arithmetic). The thresholds are
  ;; fdlibm's high-word tests written as doubles. The polynomial appears in
  ;; both branches because V8 does not inline WebAssembly calls: calling one
  ;; shared function from the fast branch took 28 ms against 16 ms per 9.6
  ;; million values.
  (func (export "expInPlace") (param $ptr i32) (param $n i32)
    (local $end i32) (local $x v128) (local $ax v128) (local $sign v128) (local $k v128)
    (local $hi v128) (local $lo v128) (local $r v128) (local $t v128) (local $c v128) (local $y v128)
    (local.set $end (i32.add (local.get $ptr) (i32.shl (local.get $n) (i32.const 3))))
    (block $done
      (br_if $done (i32.ge_u (local.get $ptr) (local.get $end)))
      (loop $pair
        (local.set $x (v128.load (local.get $ptr)))
        (local.set $ax (f64x2.abs (local.get $x)))
        ;; Both lanes in 2^-28 <= |x| <= 0.5 ln 2 (monthly returns always are): k = 0,
        ;; fdlibm's own formula 1 - ((x c) / (c - 2) - x), c = x - x^2 P(x^2).
        (if (i64x2.all_true (v128.and
              (f64x2.lt (local.get $ax) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2))
              (f64x2.ge (local.get $ax) (v128.const f64x2 0x1p-28 0x1p-28))))
          (then
            (local.set $t (f64x2.mul (local.get $x) (local.get $x)))
            (local.set $c (f64x2.sub (local.get $x) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 1.66666666666666019037e-01 1.66666666666666019037e-01) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 -2.77777777770155933842e-03 -2.77777777770155933842e-03) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 6.61375632143793436117e-05 6.61375632143793436117e-05) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 -1.65339022054652515390e-06 -1.65339022054652515390e-06) (f64x2.mul (local.get $t)
                (v128.const f64x2 4.13813679705723846039e-08 4.13813679705723846039e-08))))))))))))
            (v128.store (local.get $ptr) (f64x2.sub (v128.const f64x2 1 1)
              (f64x2.sub
                (f64x2.div (f64x2.mul (local.get $x) (local.get $c)) (f64x2.sub (local.get $c) (v128.const f64x2 2 2)))
                (local.get $x)))))
          (else
            (local.set $sign (v128.and (local.get $x) (v128.const i64x2 0x8000000000000000 0x8000000000000000)))
            ;; k: trunc(x / ln 2 +- 1/2), replaced by +-1 below 1.5 ln 2 and by 0 up to 0.5 ln 2.
            (local.set $k
              (v128.and
                (v128.bitselect
                  (v128.or (local.get $sign) (v128.const f64x2 1 1))
                  (f64x2.trunc (f64x2.add
                    (f64x2.mul (local.get $x) (v128.const f64x2 1.44269504088896338700e+00 1.44269504088896338700e+00))
                    (v128.or (local.get $sign) (v128.const f64x2 0.5 0.5))))
                  (f64x2.lt (local.get $ax) (v128.const f64x2 0x1.0a2b2p+0 0x1.0a2b2p+0)))
                (f64x2.ge (local.get $ax) (v128.const f64x2 0x1.62e43p-2 0x1.62e43p-2))))
            (local.set $hi (f64x2.sub (local.get $x)
              (f64x2.mul (local.get $k) (v128.const f64x2 6.93147180369123816490e-01 6.93147180369123816490e-01))))
            (local.set $lo (f64x2.mul (local.get $k) (v128.const f64x2 1.90821492927058770002e-10 1.90821492927058770002e-10)))
            (local.set $r (f64x2.sub (local.get $hi) (local.get $lo)))
            (local.set $t (f64x2.mul (local.get $r) (local.get $r)))
            (local.set $c (f64x2.sub (local.get $r) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 1.66666666666666019037e-01 1.66666666666666019037e-01) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 -2.77777777770155933842e-03 -2.77777777770155933842e-03) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 6.61375632143793436117e-05 6.61375632143793436117e-05) (f64x2.mul (local.get $t)
              (f64x2.add (v128.const f64x2 -1.65339022054652515390e-06 -1.65339022054652515390e-06) (f64x2.mul (local.get $t)
                (v128.const f64x2 4.13813679705723846039e-08 4.13813679705723846039e-08))))))))))))
            (local.set $y (f64x2.sub (v128.const f64x2 1 1)
              (f64x2.sub
                (f64x2.sub (local.get $lo)
                  (f64x2.div (f64x2.mul (local.get $r) (local.get $c)) (f64x2.sub (v128.const f64x2 2 2) (local.get $c))))
                (local.get $hi))))
            ;; times 2^k: k + 1023 into the exponent field (|k| <= 739 in the domain).
            (local.set $y (f64x2.mul (local.get $y)
              (i64x2.shl
                (i64x2.add (i64x2.extend_low_i32x4_s (i32x4.trunc_sat_f64x2_s_zero (local.get $k))) (v128.const i64x2 1023 1023))
                (i32.const 52))))
            ;; V8 returns e itself for exp(1), where fdlibm's formula is one ulp high.
            (local.set $y (v128.bitselect
              (v128.const f64x2 2.718281828459045 2.718281828459045)
              (local.get $y)
              (f64x2.eq (local.get $x) (v128.const f64x2 1 1))))
            (v128.store (local.get $ptr)
              (v128.bitselect
                (f64x2.add (v128.const f64x2 1 1) (local.get $x))
                (local.get $y)
                (f64x2.lt (local.get $ax) (v128.const f64x2 0x1p-28 0x1p-28))))
            ;; Lanes outside |x| < 512 (and NaN) go to Math.exp one by one.
            (if (v128.any_true (v128.not (f64x2.lt (local.get $ax) (v128.const f64x2 512 512))))
              (then
                (f64.store (local.get $ptr) (call $exp (f64x2.extract_lane 0 (local.get $x))))
                (f64.store offset=8 (local.get $ptr) (call $exp (f64x2.extract_lane 1 (local.get $x))))))))
        (local.set $ptr (i32.add (local.get $ptr) (i32.const 16)))
        (br_if $pair (i32.lt_u (local.get $ptr) (local.get $end))))))
)
