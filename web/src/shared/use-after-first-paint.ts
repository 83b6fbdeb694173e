import { useEffect, useState } from 'react';

// False until the frame that first shows the component has been painted: requests a first screen
// can draw without (a home page's figures) start after it, not in the round trips before it
// (bench/lighthouse.ts). The next animation frame precedes that paint; a task queued from it
// runs after.
export function useAfterFirstPaint(): boolean {
  const [isPainted, setIsPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setIsPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return isPainted;
}
