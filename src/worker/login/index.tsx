import { View, Text } from '@tarojs/components'

export default function WorkerLogin() {
  return <View><Text>工作人员登录</Text></View>
}
