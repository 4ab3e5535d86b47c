/** The register import (`npm run register -- import`, scripts/registers/import): row problems, doubts for review and notes. */
export const REGISTER_MESSAGES = {
	'register.addressNotPlaced': { zh: '地址“{address}”无法定位：{reason}', en: 'the address "{address}" cannot be placed: {reason}' },
	'register.needsStatus': { zh: '项目须填写进度（意见征询、方案设计、施工中或已完成）', en: 'a project needs its status (consultation, design, construction or completed)' },
	'register.needsStatusDate': { zh: '填写了进度，须同时填写进度日期', en: 'a status needs the date it was reached' },
	'register.unsureStreet': { zh: '地址定位把握不大（只找到道路，取道路中点）', en: 'the geocoder is unsure of this address (only the street was found: its middle)' },
	'register.unsureConfidence': { zh: '地址定位把握不大（可信度 {confidence}）', en: 'the geocoder is unsure of this address (confidence {confidence})' },
	'register.inNoDistrict': { zh: '点位不在任何街道范围内', en: 'the point lies in no subdistrict the portal covers' },
	'register.outsideDistrict': { zh: '点位在{district}街道及其周边 300 米以外', en: 'the point lies outside {district} and the 300 m around it' },
	'register.requiredEmpty': { zh: '必填项“{header}”（{key}）为空', en: '{header} ({key}) is required and empty' },
	'register.notAllowed': { zh: '不符合要求：{detail}', en: '{detail}' },
	'register.lonLatTogether': { zh: '经度与纬度须同时填写', en: 'longitude and latitude go together: one of them is empty' },
	'register.noLocation': { zh: '地址为空，也没有经纬度：无法定位', en: 'the address is empty and there are no coordinates: the row cannot be placed' },
	'register.sameRecord': { zh: '与第 {earlier} 行是同一条记录（编号 {id}）', en: 'the same record as row {earlier} (id {id})' },
	'register.citedRecord': {
		zh: '编号 {id} 是引自“{source}”的记录，导入不能覆盖它：请清空编号或另取一个',
		en: 'id {id} is a record cited from "{source}"; an import never overwrites it: leave the id empty or choose another'
	},
	'register.statusBackwards': {
		zh: '进度只能向前：新状态早于已登记的状态（征询 → 设计 → 施工 → 竣工）',
		en: 'a status only moves forward: this one comes before the status already recorded (consultation → design → construction → completed)'
	},
	'register.retrofitNeedsStatus': { zh: '加梯项目须填写进度与进度日期', en: 'a retrofit needs its status and status date' },
	'register.doesNotFit': { zh: '记录不符合名录要求：{path}：{detail}', en: 'the record does not fit the register: {path}: {detail}' },
	'register.unknownColumn': { zh: '忽略未识别的列“{header}”', en: 'ignored a column the register does not know: "{header}"' },
	'register.duplicateColumn': { zh: '多列对应“{key}”，只读第一列', en: 'several columns match {key}: only the first is read' },
	'register.notAFile': { zh: '{file} 不是文件', en: '{file} is not a file' },
	'register.cannotRead': { zh: '无法读取 {file}（{why}）', en: 'cannot read {file} ({why})' },
	'register.noRows': { zh: '{name} 没有数据行（示例行不计）', en: '{name} has no data rows (the example row does not count)' }
} as const;
