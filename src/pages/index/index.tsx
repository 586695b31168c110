import { View, Text } from '@tarojs/components'

export default function Index() {
  return (
    <View className='home'>
      <Text>护童登记</Text>
    </View>
  )
}
