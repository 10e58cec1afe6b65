/** Draws `losses` (one per batch) as a line on `canvas`, scaled to its range, with the last value written. */
export function drawLossChart(canvas: HTMLCanvasElement, losses: readonly number[]): void {
  const context = canvas.getContext('2d');
  if (context === null) return;
  const { width, height } = canvas;
  const margin = 30;
  context.clearRect(0, 0, width, height);
  context.strokeStyle = '#999';
  context.strokeRect(margin, 10, width - margin - 10, height - margin - 10);
  if (losses.length < 2) return;
  const max = Math.max(...losses);
  const min = Math.min(0, ...losses);
  const x = (i: number) => margin + (i / (losses.length - 1)) * (width - margin - 10);
  const y = (v: number) => 10 + (1 - (v - min) / (max - min || 1)) * (height - margin - 10);
  context.strokeStyle = '#1f77b4';
  context.lineWidth = 2;
  context.beginPath();
  losses.forEach((loss, i) => (i === 0 ? context.moveTo(x(i), y(loss)) : context.lineTo(x(i), y(loss))));
  context.stroke();
  context.fillStyle = '#222';
  context.font = '13px system-ui, sans-serif';
  context.fillText(`loss ${losses.at(-1)!.toFixed(3)} after ${losses.length} batches`, margin + 8, 28);
}
