// A notice with its task table as an HTML page would carry it: bare text in the cells and a
// two-row header (牵头单位 / 配合单位 under a merged 责任单位). Saved by LibreOffice as .doc, the
// rows' properties no longer fit their page and go to the Data stream (sprmPHugePapx).
export const NOTICE_TABLE_HTML = `<html><head><meta charset="utf-8"><title>某县2024年优化营商环境攻坚行动任务分解表</title></head><body>
<p>某县人民政府办公室关于印发某县2024年优化营商环境攻坚行动方案的通知</p>
<p>某府办发〔2024〕12号</p>
<p>各乡镇人民政府，县政府各部门：</p>
<p>现将《某县2024年优化营商环境攻坚行动方案》印发给你们，请认真贯彻执行。</p>
<p>某县人民政府办公室</p>
<p>2024年3月5日</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td rowspan="2">工作措施</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td><td rowspan="2">备注</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">压缩企业开办时间</td><td>推行企业开办“一网通办”，企业开办时间压缩至0.5个工作日以内。</td><td rowspan="2">县市场监管局</td><td>县税务局、县公安局</td><td>2024年6月底前</td><td></td></tr>
<tr><td>免费为新开办企业刻制首套印章，年内惠及企业300家以上。</td><td>县财政局</td><td>长期坚持</td><td>持续推进</td></tr>
<tr><td>2</td><td>提升不动产登记效率</td><td>一般登记、抵押登记办理时间分别压缩至3个、1个工作日。</td><td>县自然资源局</td><td>县税务局、县住建局</td><td>2024年12月31日前</td><td></td></tr>
<tr><td>3</td><td>优化用水用气报装</td><td>无外线工程的用水报装时间不超过2个工作日。</td><td>县住建局</td><td>各供水企业</td><td>2024年9月</td><td></td></tr>
</table>
</body></html>
`;
