// 专卖许可证号: 12 digits. People paste it with spaces or dashes; those are dropped.
export function normaliseLicenceNumber(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function isLicenceNumber(input: string): boolean {
  return /^\d{12}$/.test(normaliseLicenceNumber(input));
}

// "3201 0210 0001" — easier to read back from a licence document.
export function formatLicenceNumber(value: string): string {
  return isLicenceNumber(value) ? normaliseLicenceNumber(value).replace(/(\d{4})(?=\d)/g, '$1 ') : value;
}
