/**
 * The guardian's separate consent (个人信息保护法 Art.28–31: a child's information is sensitive and needs the
 * guardian's separate consent; 儿童个人信息网络保护规定 Art.9–10: what the consent screen must state).
 * The text is versioned: the version agreed to is stored with the record, so a later change of wording
 * never silently re-labels an old consent. Change the text → raise CONSENT_VERSION.
 */
export const CONSENT_VERSION = '2026.11-1'

export interface ConsentSection {
  title: string
  body: string
}

export const CONSENT_TITLE = '儿童个人信息处理告知与监护人同意书'

export const CONSENT_SECTIONS: readonly ConsentSection[] = [
  {
    title: '收集哪些信息',
    body: '孩子的姓名、身份证号码、出生日期、民族、户籍地和现住址、就学和身体情况（含残疾、疾病）；父母的姓名、身份证号码、联系电话和目前情况（如外出务工、服刑在押、失联等）；照护人和填报人的信息；家庭经济状况和需要的帮助。其中孩子的信息、健康和残疾信息、父母服刑或戒毒等情况属于敏感个人信息。',
  },
  {
    title: '为什么收集',
    body: '用于农村留守儿童和困境儿童的信息预登记，由儿童主任、儿童督导员和民政部门核实后，为孩子提供关爱服务和相应的救助保障。只收集核实所必需的信息，不用于其他目的。',
  },
  {
    title: '谁能看到',
    body: '只有孩子现住址所在村（社区）的儿童主任、所在乡镇（街道）的儿童督导员和县级民政部门的工作人员，在各自负责的范围内可以查看。列表中身份证号码和电话只显示部分数字，查看完整信息会被记录。信息不公示，不向其他单位或个人提供，法律法规另有规定的除外。',
  },
  {
    title: '怎样保护',
    body: '信息加密传输；身份证号码在服务器上加密保存；工作人员按地区和职责分级授权，每次查看、导出和审核都留有记录。信息保存在中国境内。',
  },
  {
    title: '保存多久',
    body: '登记信息在孩子年满18周岁或不再属于关爱保护对象后，按民政档案管理规定的期限保存，期满后删除或匿名化。手机上只保留提交前的草稿和待发送的记录，核实通过后手机上只留下列表所需的简要信息。',
  },
  {
    title: '怎样更正或删除',
    body: '提交后、开始核实前，您可以在“我的登记”中撤回；核实中发现错误，工作人员会退回并说明原因，您修改后再提交。需要更正或删除已核实的信息，可以联系村（居）儿童主任或拨打12349民政服务热线。',
  },
  {
    title: '不同意会怎样',
    body: '不同意则无法通过本小程序提交登记，已填写的内容只保存在您的手机上。您仍可以直接到村（居）委会或乡镇（街道）民政办线下登记，不影响孩子依法获得关爱和保障。',
  },
  {
    title: '投诉和咨询',
    body: '对信息处理有疑问或投诉，可拨打12349民政服务热线，或向所在县（市、区）民政局反映。',
  },
]

export const CONSENT_CHECKBOX =
  '我是孩子的监护人（或受监护人委托），已阅读并同意上述内容，同意处理孩子及家庭的个人信息（含敏感个人信息）用于预登记和核实。'
