import { expect, type Locator, type Page } from '@playwright/test';

// Picks one choice in an antd single Select, and returns only once the choice has taken: its
// dropdown is gone and the select shows the choice. antd draws the visible choices as
// .ant-select-item-option in a dropdown that slides in; on a loaded machine a click can land
// while it is still moving, on a group title or beside the list, and leave the dropdown open
// over the rest of the form (CI once saw it cover the next radio button for five minutes).
// Such a pick is tried again, so a journey waits on the page, never on luck.
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  const openDropdown = page.locator('.ant-select-dropdown:visible');
  const shell = select.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
  await expect(async () => {
    if ((await openDropdown.count()) === 0) await select.click();
    await openDropdown.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 5_000 });
    await expect(openDropdown).toHaveCount(0, { timeout: 2_000 });
    await expect(shell.locator('.ant-select-content')).toContainText(option, { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}
