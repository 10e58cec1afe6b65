/** The element with this id (the page's HTML has them all). */
export const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** Sets the text of the element with this id. */
export const show = (id: string, text: string): void => {
  element(id).textContent = text;
};

/**
 * Runs a button's action once: disables the button, shows a failure in `statusId` and rethrows it
 * (so that it reaches the console, where the end-to-end test sees it).
 */
export function onceOnClick(buttonId: string, statusId: string, action: () => Promise<void>): void {
  const button = element<HTMLButtonElement>(buttonId);
  button.disabled = false;
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      show(statusId, `failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  });
}
