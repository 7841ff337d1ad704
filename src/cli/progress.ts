/**
 * Progress of a long command on standard error: on a terminal a bar that redraws itself with rows per second and the
 * time left; otherwise (a log, a pipe) a plain line every few seconds and at the end.
 */
/** Where progress goes: standard error, or anything that writes text and says whether it is a terminal. */
export interface ProgressStream {
  isTTY?: boolean | undefined
  write(text: string): unknown
}

export function progress(label: string, total: number, stream: ProgressStream = process.stderr) {
  const started = performance.now()
  const tty = stream.isTTY === true
  let lastLine = 0
  let shown = -1
  const seconds = (ms: number) => (ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`)
  return {
    update(done: number) {
      const now = performance.now()
      const elapsed = now - started
      const rate = elapsed > 0 ? (done / elapsed) * 1000 : 0
      const left = rate > 0 ? ((total - done) / rate) * 1000 : 0
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100)
      const figures = `${done}/${total} rows, ${Math.round(rate)} rows/s, ${done < total ? `${seconds(left)} left` : `took ${seconds(elapsed)}`}`
      if (tty) {
        if (percent === shown && done < total && now - lastLine < 200) return
        shown = percent
        lastLine = now
        const width = 30
        const filled = Math.round((percent / 100) * width)
        stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(percent).padStart(3)}% ${figures}\x1b[K`)
        if (done >= total) stream.write('\n')
      } else if (done >= total || now - lastLine >= 2000) {
        lastLine = now
        stream.write(`${label}: ${percent}% (${figures})\n`)
      }
    },
  }
}
