/** Workbooks for the reader's tests, written with ExcelJS from plain rows (row 1 the headers). */
import ExcelJS from "exceljs";

/** Sheets by name, each a list of rows of cell values (`null` for an empty cell). */
export type Sheets = Record<string, unknown[][]>;

/** One complete body, 001 of 2022, every component present. */
export function completeBody(): Sheets {
  return {
    参评对象: [
      ["编号", "名称", "单位", "类别", "考评年度"],
      ["001", "城管监督科", "市城管执法局", "综合管理(审批)", 2022],
    ],
    督查暗访: [
      ["编号", "考评项目", "日期", "得分", "满分", "轮次编号", "备注"],
      ["001", "日常督查", "2022-03-15", 23.5, null, "r1", null],
      ["001", "日常督查", "2022-09-15", "24", null, "r2", null],
      ["001", "专项督查", "2022-04-01", 4.5, null, null, null],
      ["001", "专项督查", "2022-10-01", 90, 100, null, null],
      ["001", "随机暗访", "2022-05-01", 9, null, null, null],
      ["001", "unannouncedVisit", "2022-11-01", 8.5, null, null, null],
    ],
    投诉: [["编号", "投诉编号", "受理日期", "是否查实", "扣分"]],
    测评: [
      ["编号", "考评项目", "满意", "基本满意", "不满意", "不了解", "测评日期"],
      ["001", "服务对象代表评价", 40, 6, 1, null, null],
      ["001", "“两代表一委员”评价", 12, 2, 0, null, null],
      ["001", "县市区对口部门评价", 9, 1, 0, null, null],
    ],
    市领导评分: [
      ["编号", "得分", "评分人", "日期"],
      ["001", 9.5, null, null],
    ],
  };
}

/** The bytes of a workbook with these sheets, in this order. */
export async function bookOf(sheets: Sheets): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = workbook.addWorksheet(name);
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getRow(r + 1).getCell(c + 1);
        cell.value = value as ExcelJS.CellValue;
        if (value instanceof Date) cell.numFmt = "yyyy-mm-dd";
      });
    });
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
