/**
 * 命令行自己的中文文本（帮助、用法错误、文件原因、打印报告的行）。键与 cli-en.ts 一一对应。
 */
import { CliMessageKey } from "./cli-en";

export const cliZh: Record<CliMessageKey, string> = {
  "cli.more": "……另有 {count} 位客户（见输出工作簿，或使用 --json）",
  "cli.columns": "列（表头在第 {row} 行）：",
  "cli.columnsUnknown": "未识别的表头",
  "cli.columnsUnknownHeader": "{column} 列“{header}”",
  "cli.columnsMeant": "{header}（是否想写“{meant}”？）",
  "cli.columnsMore": "……另有 {count} 个",
  "cli.columnsRepeated": "重复的列",
  "cli.columnsRepeat": "{column} 列重复“{field}”（读取 {usedColumn} 列）",
  "cli.columnsNotChecked": "未检查",
  "cli.heading": "{title}：工作表“{sheet}”，审查日期 {date}",
  "cli.warningCounts": "各项预警的客户数",
  "cli.gradeCounts": "各风险等级的客户数",
  "cli.limits": "额度",
  "cli.reading": "正在读取 {file}……",
  "cli.reviewing": "正在审查“{sheet}”的 {count} 行……",
  "cli.writing": "正在写入 {file}……",
  "cli.noSheet": "没有名为“{sheet}”的工作表；工作簿中有：{sheets}",
  "cli.sheetIsOwn": "工作表“{sheet}”是审查自己的{kind@cli.ownSheet}工作表，不是客户工作表；{then}",
  "cli.ownSheet.summary": "汇总",
  "cli.ownSheet.archive": "档案",
  "cli.ownSheet.policy": "政策",
  "cli.ownSheet.policyHistory": "政策历史",
  "cli.sheetIsLedger": "工作表“{sheet}”是发票明细，不是客户工作表：审查按客户工作表中的客户为其发票计算账龄；{then}",
  "cli.reviewCustomersWith": '请加 --sheet "{suggest}" 审查客户',
  "cli.noCustomerSheet": "没有包含客户列（付款历史、合同履行情况……）的工作表；工作簿中有：{sheets}",
  "cli.pickedOthers":
    '已审查“{sheet}”（{reason}）。同样像客户工作表的还有：{others}；如需审查，请加 --sheet "{first}"{count||（或其中另一个表名）}',
  "cli.langOfHeaders": "使用“{sheet}”标题行的语言（中文；系统区域设置未指定语言）；如需英文，请加 --lang en",
  "cli.langOfLastReview": "沿用“{sheet}”上次审查的语言（中文）；如需英文，请加 --lang en",
  "cli.pickedActive": "当前活动工作表",
  "cli.pickedFirst": "第一张客户工作表",
  "cli.pickedFirstHidden": "第一张客户工作表，已隐藏：没有可见的工作表包含客户",
  "cli.quotedSheet": "“{sheet}”",
  "cli.mappingUsed": "在任务窗格中手动映射的表头（保存在工作簿中）：{columns}",
  "cli.mappingColumn": "{column} 列“{header}”作为{field}",
  "cli.mappingNoneUsed": "工作簿中保存有在任务窗格中所作的列映射；本工作表未读取其中任何表头",
  "cli.mappingUnused": "已手动映射但未读取：{entries}",
  "cli.mappingNotOnSheet": "“{header}”（本工作表没有此表头）",
  "cli.mappingFieldTaken": "“{header}”（{field}取自 {column} 列）",
  "cli.mappingReviewColumn": "“{header}”（审查自己的列）",
  "cli.mappingUnknownField": "“{header}”（审查没有字段“{field}”）",
  "cli.mappingUnreadable": "工作簿中保存的列映射（{part}）无法读取：{reason}；审查在没有该映射的情况下继续",
  "cli.mappingNotJson": "其值不是 JSON（{detail}）",
  "cli.mappingNotTable": "其值不是表头与字段的对应表",
  "cli.mappingNotXml": "该部件不是格式正确的 XML（{detail}）",
  "cli.notXlsx": "{file} 不是可读取的 .xlsx 工作簿（{reason}）",
  "cli.damagedFile": "{file} 不完整或已损坏：{problem}。文件在写完或下载完之前被复制就会这样：请重新复制或保存该文件，再运行审查",
  "cli.encryptedFile": "{file} 无法解包：{problem}，文件是用密码打包的。请不设密码重新保存工作簿，再运行审查",
  "cli.brokenFile": "{file} 无法读取：{problem}。写出该文件的程序损坏了它：请用 Excel 或 LibreOffice 打开并保存，再运行审查",
  "cli.notWorkbookPackage":
    "{file} 是 zip 文件，但不是 .xlsx 工作簿：{problem}。请用 Excel 打开工作簿，存为 .xlsx 工作簿，再运行审查",
  "cli.copyNotWritten": "无法写出 {file} 的审查副本：{problem}；未写入任何内容",
  "cli.package.unreadableZip": "无法读取其部件列表（{detail}）",
  "cli.package.partUnreadable": "其部件 {part} 无法解包（{detail}）",
  "cli.package.partEndsEarly": "其部件 {part} 提前结束",
  "cli.package.partChecksum": "其部件 {part} 与文件为它记录的校验和不符",
  "cli.package.encryptedPart": "其部件 {part} 已加密",
  "cli.package.compression": "其部件 {part} 使用压缩方法 {method}，电子表格程序不会写出这种压缩",
  "cli.package.sheetPartMissing": "工作表“{sheet}”缺失：文件中没有部件 {part}",
  "cli.package.rowOrder": "工作表“{sheet}”中，第 {row} 行排在第 {previous} 行之后",
  "cli.package.cellRow": "工作表“{sheet}”中，第 {row} 行的单元格位于第 {inRow} 行",
  "cli.package.sharedString": "工作表“{sheet}”的单元格 {cell} 引用第 {index} 号文本，文件中没有这一项",
  "cli.package.noCellData": "工作表“{sheet}”没有单元格数据",
  "cli.package.badXmlPart": "其部件 {part} 不是格式正确的 XML（{detail}）",
  "cli.package.badXml": "其中一个部件不是格式正确的 XML（{detail}）",
  "cli.package.noContentTypes": "其中没有每个 Office 文件都有的部件清单 [Content_Types].xml",
  "cli.package.noWorkbookPart": "其中没有工作簿部件",
  "cli.package.outputTooLarge": "它将超过 4 GiB，即此处写出的工作簿的上限；请把客户分到较小的工作簿中审查",
  "cli.package.partTooLarge": "其部件 {part} 将超过 4 GiB，即此处写出的部件的上限；请把客户分到较小的工作簿中审查",
  "cli.package.workerFailed": "写出工作表“{sheet}”失败（{detail}）",
  "cli.package.workerStopped": "写出工作表“{sheet}”中途停止（退出代码 {code}）",
  "cli.nodeTooOld": "credit-review 需要 Node.js 20.15 或更高版本；当前为 Node.js {version}",
  "cli.sameAsInput": "--out 不能是输入工作簿；输入文件永远不会被覆盖",
  "cli.badAsOf": "--as-of 必须是年份在前的日期，例如 2026-11-30，实际为“{value}”",
  "cli.asOfNoSuchDay": "--as-of {value}：没有这一天（{month} 只有 {days} 天）",
  "cli.asOfFar": "--as-of：{reason}",
  "cli.badPolicy": "政策文件 {file}：{reason}",
  "cli.writeFailed": "无法写入 {file}（{reason}）；未写入任何内容",
  "cli.tooManyParts": "{file} 含有 {count} 个部件；命令行最多读取含 {limit} 个部件的工作簿",
  "cli.partTooLarge": "部件 {part} 解压后为 {size}；命令行读取的单个部件最多 {limit}",
  "cli.readTooLarge": "需要读取的部件解压后共 {size}；命令行最多读取 {limit}",
  "cli.partRatio": "部件 {part} 解压后将是压缩大小的 {ratio} 倍（最多 {limit} 倍）：不是电子表格程序写出的工作簿",
  "cli.outsideGrid": "工作表“{sheet}”：单元格 {cell} 超出 Excel 的网格（第 1 至 1,048,576 行，A 至 XFD 列）",
  "cli.tooManyCells": "要读取的工作表共有超过 {limit} 个单元格，超出命令行的读取上限",
  "cli.cellsPastMemory":
    "要读取的工作表共有超过 {limit} 个单元格，超出本机 node 内存（{heap}）所能容纳的数量：请在有足够空闲内存的机器上以 NODE_OPTIONS=--max-old-space-size={suggest}（MB）运行",
  "cli.reviewPastMemory":
    "审查工作表“{sheet}”的 {rows} 行约需 {need} 内存，超出本机 node 可用的内存（{heap}）：请在有足够空闲内存的机器上以 NODE_OPTIONS=--max-old-space-size={suggest}（MB）运行，或把客户分到较小的工作表中审查",
  "cli.sheetFull": "工作表“{sheet}”将超过 Excel 的最后一行（1,048,576）：请把较早的行移到另一个工作簿后再运行",
  "cli.policyTooLarge": "政策文件 {file} 大于 {limit}，超出政策文件的大小上限",
  "cli.policyFileOverSheet": "政策文件 {file} 设置了{settings}；其余设置沿用工作簿“{sheet}”工作表中的设置",
  "cli.policyFileOverDefaults": "政策文件 {file} 设置了{settings}；其余设置为默认值（工作簿没有政策工作表）",
  "cli.policyLabelKey": "政策文件 {file}：“{key}”是该设置在政策工作表上的名称；在文件中请写作“{setting}”",
  "cli.policyKeyTwice": "政策文件 {file}：“{key}”设置了两次；请只保留要用的那一个",
  "cli.policyUnknownKey": "政策文件 {file}：未知设置“{key}”；是否想写“{nearest}”？",
  "cli.policyUnknownKeyAlone": "政策文件 {file}：未知设置“{key}”；可用的设置有 {settings}",
  "cli.keepXlsm": "--out {file}：工作簿含有宏（.xlsm），审查后的副本也必须是 .xlsm",
  "cli.outExtension": "--out {file}：审查后的副本是 Excel 工作簿，文件名必须以 .xlsx 结尾",
  "cli.outNoFolder": "--out {file}：文件夹 {folder} 不存在；请先创建，或指定其他位置",
  "cli.stdoutFailed": "报告无法写入标准输出（{reason}）；退出状态为 2",
  "cli.outNotFile": "--out {file} 不是普通文件（设备、FIFO 或套接字）；请指定要写入的文件",
  "cli.noValue":
    "{count} 个公式单元格没有保存的值，已报告而未当作空白读取：{cells}。请在 Excel 或 LibreOffice 中打开并保存工作簿以计算它们",
  "cli.noValueUncalculated":
    "{count} 个公式单元格未读取：工作簿要求在打开时重新计算（由不计算公式的程序保存），公式旁保存的值（常为 0）并非其计算结果：{cells}。请在 Excel 或 LibreOffice 中打开并保存工作簿以计算它们",
  "cli.formulaNoValue": "公式没有保存的值：={formula}",
  "cli.manualCalculation":
    "工作簿设为手动计算，且保存前不重新计算：读取的 {count} 个公式结果是 Excel 上次计算的结果，可能早于最近的编辑。请在 Excel 中打开，按 F9，保存后重新审查以确保无误",
  "cli.formulaNotCalculated": "公式保存时未经计算（工作簿要求在打开时重新计算）：={formula}",
  "cli.usage":
    "用法：credit-review <工作簿.xlsx> [--sheet 工作表名] [--as-of YYYY-MM-DD] [--policy 政策文件.json] [--lang en|zh] [--out 输出.xlsx] [--json]",
  "cli.help": `按信用政策的预警阈值审查工作簿（.xlsx 或 .xlsm）中一张工作表上的每位客户，并把建议写入输出文件
（默认：同一文件夹下的 <工作簿>.reviewed-<审查日期>.xlsx，.xlsm 则为 .xlsm；同名文件已存在时加“ (2)”，
不会替换它；输入的工作簿不会被改动）。

  --sheet 工作表名    客户工作表（默认：带客户表头的当前活动工作表，否则取第一个这样的可见工作表，
                      没有则取第一个这样的隐藏工作表；在任务窗格中手动映射的表头也算在内）
  --as-of 日期        审查日期，年份在前：2026-11-30、2026/11/30 或 20261130（默认：今天）
  --policy 文件       政策 JSON 文件：其中列出的设置覆盖工作簿“信用政策”工作表中的同名设置
                      （默认：该工作表，没有则用默认值）
  --lang en|zh        输出及本提示的语言（默认：该工作表上次审查所用的语言，
                      没有则依次取自 LC_ALL、LC_MESSAGES 或 LANG，再没有则取工作表标题行的语言）
  --out 文件          审查后工作簿的保存位置（已有的同名文件会被替换）
  --json              以 JSON 输出结果，而不是表格
  -h, --help          显示本说明
  --version           显示版本

退出状态：0 审查完成（无论有无预警），2 输入有误，1 内部错误。`,
  "cli.unknownOption": "未知选项 {option}；是否想用 {nearest}？",
  "cli.unknownOptionAlone": "未知选项 {option}；可用的选项有 {options}",
  "cli.optionNeedsValue": "{option} 需要一个值",
  "cli.optionTakesNoValue": "{option} 不接受值",
  "cli.noWorkbook": "未指定工作簿",
  "cli.oneWorkbook": "一次只能审查一个工作簿，实际给了 {count} 个",
  "cli.badLang": "--lang 必须是 en 或 zh，实际为“{value}”",
  "cli.reason.noFile": "文件不存在",
  "cli.reason.denied": "权限不足",
  "cli.reason.notFile": "不是普通文件",
  "cli.reason.pathThroughFile": "路径中的某个文件夹其实是文件",
  "cli.reason.diskFull": "磁盘空间不足",
  "cli.reason.readOnly": "磁盘为只读",
  "cli.reason.system": "系统报告 {code}",
  "cli.reason.notZip": "不是基于 zip 的 .xlsx 文件",
  "cli.reason.compoundFile":
    "这是 Excel 97–2003 的 .xls 工作簿，或设置了打开密码的工作簿：请在 Excel 中用“文件 › 另存为”存为不带密码的 .xlsx 工作簿，再运行审查",
  "cli.reason.openDocument":
    "这是 OpenDocument 电子表格（.ods）：请在 LibreOffice Calc 中用“文件 › 另存为”，文件类型选“Excel 2007-365 (.xlsx)”，再运行审查",
  "cli.reason.empty": "这是空文件（0 字节）",
  "cli.reason.text":
    "这是文本文件（如导出的 CSV），不是工作簿：请用 Excel 或 LibreOffice Calc 打开，存为 .xlsx 工作簿，再运行审查",
  "cli.reason.markup":
    "这是网页或 XML 文件（有些系统导出时会用电子表格的扩展名），不是 .xlsx 工作簿：请用 Excel 打开，存为 .xlsx 工作簿，再运行审查",
  "cli.reason.jsonEmpty": "文件为空，没有 JSON 内容",
  "cli.reason.utf16": "文件为 UTF-16 编码（Windows PowerShell 的 > 会这样写入）；请另存为 UTF-8",
  "cli.reason.notJson": "不是有效的 JSON",
  "cli.reason.jsonEnd": "不是有效的 JSON：内容在第 {line} 行第 {column} 列就结束了，最后一个值或括号尚不完整",
  "cli.reason.jsonUnexpected": "第 {line} 行第 {column} 列不是有效的 JSON：此处不应出现“{found}”",
  "cli.reason.jsonControl": "第 {line} 行第 {column} 列不是有效的 JSON：引号内不能有换行符或其他控制字符（换行请写作 \\n）",
  "cli.reason.notJsonObject": "不是由设置组成的 JSON 对象",
  "cli.problems": "有问题的客户（{count}）：",
  "cli.problemsMore": "有问题的客户（{count} 位，共 {problems} 个问题）：",
};
