// The streams of one appraisal cycle: the cycle's own stream and one appraisal stream per employee,
// `appraisal-{cycleId}-{nip}` with an 18-digit NIP (libs/appraisal). The NIP is matched exactly, so cycle
// `kota-2026` does not take in the streams of cycle `kota-2026-b`.
export function cycleStreamMatcher(cycleId: string): (stream: string) => boolean {
  const cycleStream = `cycle-${cycleId}`;
  const appraisalPrefix = `appraisal-${cycleId}-`;
  return (stream) =>
    stream === cycleStream ||
    (stream.startsWith(appraisalPrefix) && /^\d{18}$/.test(stream.slice(appraisalPrefix.length)));
}
