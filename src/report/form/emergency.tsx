/** 110 and 12349 above the form: a child in danger now needs a call, not a form. Each number is also written out. */
import { Text, View } from '@tarojs/components'
import ActionButton from '@/components/button'
import { callPhone } from '@/platform/phone'
import { REPORT_TEXT } from '../strings'

export default function Emergency() {
  return (
    <View className='card card--alert' id='report-emergency' ariaRole='region' ariaLabel={REPORT_TEXT.emergencyHeading}>
      <Text className='card__title'>{REPORT_TEXT.emergencyHeading}</Text>
      <Text className='line'>{REPORT_TEXT.emergencyBody}</Text>
      <View className='btn-row'>
        <ActionButton
          id='report-call-110'
          kind='danger'
          label={REPORT_TEXT.call(REPORT_TEXT.police)}
          onTap={() => callPhone(REPORT_TEXT.policeNumber)}
        />
        <ActionButton id='report-call-12349' label={REPORT_TEXT.call(REPORT_TEXT.civil)} onTap={() => callPhone(REPORT_TEXT.civilNumber)} />
      </View>
    </View>
  )
}
